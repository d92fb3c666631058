terra f( : int end
