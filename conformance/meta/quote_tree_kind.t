print((`1 + 2).tree.kind, (quote var a = 1 end).tree.kind)
