-- An inventory with terra++ containers: a vector of items, a hashmap from
-- SKU (a string) to the item's index, a hashmap from category to totals,
-- sales that come in as text lines, discontinued items erased from the
-- vector, and a report sorted by stock value. All memory is owned by the
-- containers and freed when they go out of scope.
local cpp = require "cpp"
local C = terralib.includec("stdio.h")
local string = cpp.string

struct Item {
  sku : string
  name : string
  category : string
  quantity : int
  cents : int64     -- unit price
}
terra Item:value() : int64 return self.quantity * self.cents end

struct Totals { items : int; units : int64; value : int64 }

local categories = { "garden", "kitchen", "office", "tools", "toys" }
local adjectives = { "compact", "deluxe", "folding", "heavy-duty", "portable", "stainless" }
local nouns = { "hose", "kettle", "stapler", "wrench", "kite", "lamp", "ladder", "whisk" }

-- Lua tables become constant arrays of rawstrings.
local function strings(t)
  return constant(`arrayof(rawstring, [t]))
end
local Cats, Adjs, Nouns = strings(categories), strings(adjectives), strings(nouns)

struct Inventory {
  items : cpp.vector(Item)
  bysku : cpp.hashmap(string, int64)
}

terra Inventory:add(sku : string, name : string, category : rawstring, quantity : int, cents : int64)
  self.bysku:put(sku, self.items:size())
  self.items:push(Item { sku, name, category, quantity, cents })
end

terra Inventory:find(sku : &string) : &Item
  var i = self.bysku:get(@sku)
  if i == nil then return nil end
  return &self.items(@i)
end

-- remove(sku): erase the item and renumber the index of those after it.
terra Inventory:remove(sku : &string) : bool
  var p = self.bysku:get(@sku)
  if p == nil then return false end
  var at = @p
  self.items:erase(at)
  self.bysku:remove(@sku)
  for i = at, self.items:size() do
    self.bysku(self.items(i).sku) = i
  end
  return true
end

-- sell("SKU QTY"): parse a sale line; returns false when the SKU is
-- unknown or the stock is short.
terra Inventory:sell(line : &string) : bool
  var space = line:find(" ")
  if space < 0 then return false end
  var sku = line:substr(0, space)
  var qty = 0
  for i = space + 1, line:size() do qty = qty * 10 + (line(i) - 48) end
  var item = self:find(&sku)
  if item == nil or item.quantity < qty then return false end
  item.quantity = item.quantity - qty
  return true
end

terra byvalue(a : &Item, b : &Item) : bool
  return a:value() > b:value() or (a:value() == b:value() and a.sku < b.sku)
end

terra money(cents : int64) : string
  return string.format("%lld.%02lld", cents / 100, cents % 100)
end

terra main() : int
  var inv : Inventory
  var seed : uint32 = 7
  for i = 0, 1200 do
    seed = seed * 1664525 + 1013904223
    var adj = Adjs[(seed >> 8) % [#adjectives]]
    var noun = Nouns[(seed >> 12) % [#nouns]]
    var cat = Cats[(seed >> 16) % [#categories]]
    inv:add(string.format("SKU-%05d", i), string.format("%s %s, model %d", adj, noun, i % 97),
      cat, (seed >> 20) % 50, 199 + (seed >> 4) % 9000)
  end
  C.printf("%lld items, %lld SKUs\n", inv.items:size(), inv.bysku:size())

  -- a day of sales, as text lines
  var sold, refused = 0, 0
  for k = 0, 3000 do
    seed = seed * 1664525 + 1013904223
    var line = string.format("SKU-%05d %d", (seed >> 8) % 1300, 1 + (seed >> 20) % 4)
    if inv:sell(&line) then sold = sold + 1 else refused = refused + 1 end
  end
  C.printf("sales: %d done, %d refused\n", sold, refused)

  -- discontinue everything sold out
  var gone : cpp.vector(string)
  for it in inv.items do
    if it.quantity == 0 then gone:push(it.sku) end
  end
  for sku in gone do inv:remove(sku) end
  var probe : string = "SKU-00003"
  C.printf("discontinued %lld, %lld items left; SKU-00003 %s\n", gone:size(), inv.items:size(),
    terralib.select(inv:find(&probe) == nil, "gone", "kept"))

  -- totals per category
  var bycat : cpp.hashmap(string, Totals)
  for it in inv.items do
    var t = &bycat(it.category)
    t.items = t.items + 1
    t.units = t.units + it.quantity
    t.value = t.value + it:value()
  end
  var names : cpp.vector(string)
  for e in bycat do names:push(e.key) end
  cpp.sort(names)
  for n in names do
    var t = bycat:get(n)
    C.printf("%-8s %4d items %6lld units %12s\n", n:c_str(), t.items, t.units, money(t.value):c_str())
  end

  -- the five most valuable stock lines
  var ranked = inv.items
  cpp.sort(ranked, byvalue)
  for i = 0, 5 do
    var it = &ranked(i)
    C.printf("%s  %-30s %3d x %8s = %10s\n", it.sku:c_str(), it.name:c_str(), it.quantity,
      money(it.cents):c_str(), money(it:value()):c_str())
  end
  var check = 0
  for i = 0, inv.items:size() do
    if @inv.bysku:get(inv.items(i).sku) ~= i then check = check + 1 end
  end
  C.printf("index errors: %d\n", check)
  return 0
end

main()
