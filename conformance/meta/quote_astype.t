print((`int):astype(), (`&double):astype(), (`int[4]):astype())
