-- A type error in a method body is reported in the method.
import "cpp"

class Account
  balance : int
  deposit(k : int) : int
    self.balance = self.balance + k
    return self.owner
  end
end

terra f() var a = Account(); return a:deposit(1) end
f()
