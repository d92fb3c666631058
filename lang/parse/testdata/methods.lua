local Account = {}
Account.__index = Account
function Account.new(balance)
  return setmetatable({balance = balance}, Account)
end
function Account:deposit(v)
  self.balance = self.balance + v
end
local acc = Account.new(100)
acc:deposit(50)
acc.deposit(acc, 1)
print(acc.balance)
string.format("%d", 1):upper()
