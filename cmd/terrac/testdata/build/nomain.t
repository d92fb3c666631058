terra helper() : int return 1 end
