source_filename = "TestGolden/inbounds"
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

define i32 @at(i32* %q, i32 %k) {
entry:
	%q.addr = alloca i32*, align 8
	%k.addr = alloca i32, align 4
	store i32* %q, i32** %q.addr
	store i32 %k, i32* %k.addr
	%0 = load i32, i32* %k.addr
	%1 = sext i32 %0 to i64
	%2 = load i32*, i32** %q.addr
	%3 = getelementptr inbounds i32, i32* %2, i64 %1
	%4 = load i32, i32* %3
	%5 = load i32*, i32** %q.addr
	%6 = load i32, i32* %k.addr
	%7 = sext i32 %6 to i64
	%8 = getelementptr inbounds i32, i32* %5, i64 %7
	%9 = load i32, i32* %8
	%10 = add i32 %4, %9
	ret i32 %10
}
