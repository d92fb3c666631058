source_filename = "TestGolden/add"
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

define i32 @add(i32 %a, i32 %b) {
entry:
	%a.addr = alloca i32, align 4
	%b.addr = alloca i32, align 4
	store i32 %a, i32* %a.addr
	store i32 %b, i32* %b.addr
	%0 = load i32, i32* %a.addr
	%1 = load i32, i32* %b.addr
	%2 = add i32 %0, %1
	ret i32 %2
}
