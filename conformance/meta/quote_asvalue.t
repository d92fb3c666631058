print((`42):asvalue(), (`-1.5):asvalue(), (`true):asvalue(), (`"hi"):asvalue())
