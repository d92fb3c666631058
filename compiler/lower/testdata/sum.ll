source_filename = "TestGolden/sum"
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

define i32 @sum(i32 %n) {
entry:
	%n.addr = alloca i32, align 4
	%s = alloca i32, align 4
	%i = alloca i32, align 4
	store i32 %n, i32* %n.addr
	store i32 0, i32* %s
	%0 = load i32, i32* %n.addr
	store i32 0, i32* %i
	br label %for.cond

for.cond:
	%1 = load i32, i32* %i
	%2 = icmp ult i32 %1, %0
	br i1 %2, label %for.body, label %for.end

for.body:
	%3 = load i32, i32* %s
	%4 = load i32, i32* %i
	%5 = udiv i32 %4, 2
	%6 = add i32 %3, %5
	store i32 %6, i32* %s
	br label %for.inc

for.inc:
	%7 = load i32, i32* %i
	%8 = add i32 %7, 1
	store i32 %8, i32* %i
	br label %for.cond

for.end:
	%9 = load i32, i32* %s
	ret i32 %9
}
