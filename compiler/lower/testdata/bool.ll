source_filename = "TestGolden/bool"
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

define zeroext i1 @both(i1 zeroext %x, i1 zeroext %y) {
entry:
	%x.addr = alloca i8, align 1
	%y.addr = alloca i8, align 1
	%0 = zext i1 %x to i8
	store i8 %0, i8* %x.addr
	%1 = zext i1 %y to i8
	store i8 %1, i8* %y.addr
	%2 = load i8, i8* %x.addr
	%3 = trunc i8 %2 to i1
	br i1 %3, label %and.rhs, label %and.end

and.rhs:
	%4 = load i8, i8* %y.addr
	%5 = trunc i8 %4 to i1
	%6 = xor i1 %5, true
	br label %and.end

and.end:
	%7 = phi i1 [ false, %entry ], [ %6, %and.rhs ]
	ret i1 %7
}
