-- An overloaded operator applied to operands it does not take.
import "cpp"

class Money
  cents : int64
  new(c : int64) self.cents = c end
  operator +(o : Money) : Money return Money(self.cents + o.cents) end
end

terra f()
  var a = Money(100)
  var b = a + a
  var c = a + "cents"
end
f()
