-- linklibrary reports a library that cannot be loaded.
terralib.linklibrary("libterrac_no_such_library.so")
