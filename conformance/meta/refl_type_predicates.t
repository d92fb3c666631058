print(int:isintegral(), double:isfloat(), (&int):ispointer(), int[3]:isarray())
struct S { a : int }
print(S:isstruct(), (&S):ispointertostruct(), bool:islogical(), int:isstruct())
