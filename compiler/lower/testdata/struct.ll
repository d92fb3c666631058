source_filename = "TestGolden/struct"
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

%Point = type { i32, double, i8 }

define double @gety(%Point* %p) {
entry:
	%p.addr = alloca %Point*, align 8
	store %Point* %p, %Point** %p.addr
	%0 = load %Point*, %Point** %p.addr
	%1 = getelementptr inbounds %Point, %Point* %0, i32 0, i32 2
	%2 = load i8, i8* %1
	%3 = trunc i8 %2 to i1
	br i1 %3, label %if.then, label %if.else

if.then:
	%4 = load %Point*, %Point** %p.addr
	%5 = getelementptr inbounds %Point, %Point* %4, i32 0, i32 1
	%6 = load double, double* %5
	ret double %6

if.else:
	br label %if.end

if.end:
	ret double -1.0
}
