-- A virtual method called with arguments it does not take.
import "cpp"

class Account
  balance : double
  virtual deposit(amount : double) self.balance = self.balance + amount end
end

terra f(a : &Account)
  a:deposit(10)
  a:deposit("ten", 10)
end
f()
