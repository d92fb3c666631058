source_filename = "golden"
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

%S = type { i32, i32 }

@.str = private unnamed_addr constant [4 x i8] c"for\00", align 1
@.str.1 = private unnamed_addr constant [6 x i8] c"while\00", align 1
@.str.2 = private unnamed_addr constant [7 x i8] c"repeat\00", align 1
@.str.3 = private unnamed_addr constant [7 x i8] c"%d %d\0A\00", align 1
@.str.4 = private unnamed_addr constant [7 x i8] c"%s %d\0A\00", align 1
@.str.5 = private unnamed_addr constant [6 x i8] c"block\00", align 1
@.str.6 = private unnamed_addr constant [6 x i8] c"early\00", align 1
@.str.7 = private unnamed_addr constant [6 x i8] c"inner\00", align 1
@.str.8 = private unnamed_addr constant [5 x i8] c"case\00", align 1

define i32 @loops$N0(i32 %n) {
entry:
	%n.addr = alloca i32, align 4
	%s = alloca i32, align 4
	%st = alloca %S, align 4
	%0 = alloca %S*, align 8
	%i = alloca i32, align 4
	%1 = alloca i8*, align 8
	%2 = alloca i32, align 4
	%k = alloca i32, align 4
	%3 = alloca i8*, align 8
	%4 = alloca i32, align 4
	%5 = alloca i8*, align 8
	%6 = alloca i32, align 4
	store i32 %n, i32* %n.addr
	store i32 0, i32* %s
	%7 = insertvalue %S zeroinitializer, i32 1, 0
	%8 = insertvalue %S %7, i32 2, 1
	store %S %8, %S* %st
	store %S* %st, %S** %0
	%9 = load i32, i32* %n.addr
	store i32 0, i32* %i
	br label %for.cond

for.cond:
	%10 = load i32, i32* %i
	%11 = icmp slt i32 %10, %9
	br i1 %11, label %for.body, label %for.end

for.body:
	store i8* getelementptr inbounds ([4 x i8], [4 x i8]* @.str, i64 0, i64 0), i8** %1
	%12 = load i32, i32* %i
	store i32 %12, i32* %2
	%13 = load i32, i32* %i
	%14 = icmp eq i32 %13, 3
	br i1 %14, label %if.then, label %if.else

if.then:
	%15 = load i8*, i8** %1
	%16 = load i32, i32* %2
	call void @note$N1(i8* %15, i32 %16)
	br label %for.end

if.else:
	br label %if.end

if.end:
	%17 = load i32, i32* %i
	store i32 %17, i32* %k
	br label %while.cond

while.cond:
	%18 = load i32, i32* %k
	%19 = icmp sgt i32 %18, 0
	br i1 %19, label %while.body, label %while.end

while.body:
	store i8* getelementptr inbounds ([6 x i8], [6 x i8]* @.str.1, i64 0, i64 0), i8** %3
	%20 = load i32, i32* %k
	store i32 %20, i32* %4
	%21 = load i32, i32* %k
	%22 = sub i32 %21, 1
	store i32 %22, i32* %k
	%23 = load i32, i32* %k
	%24 = icmp eq i32 %23, 1
	br i1 %24, label %if.then1, label %if.else1

if.then1:
	%25 = load i8*, i8** %3
	%26 = load i32, i32* %4
	call void @note$N1(i8* %25, i32 %26)
	br label %while.end

if.else1:
	br label %if.end1

if.end1:
	%27 = load i8*, i8** %3
	%28 = load i32, i32* %4
	call void @note$N1(i8* %27, i32 %28)
	br label %while.cond

while.end:
	%29 = load i32, i32* %s
	%30 = load i32, i32* %k
	%31 = add i32 %29, %30
	store i32 %31, i32* %s
	%32 = load i8*, i8** %1
	%33 = load i32, i32* %2
	call void @note$N1(i8* %32, i32 %33)
	br label %for.inc

for.inc:
	%34 = load i32, i32* %i
	%35 = add i32 %34, 1
	store i32 %35, i32* %i
	br label %for.cond

for.end:
	br label %repeat.body

repeat.body:
	store i8* getelementptr inbounds ([7 x i8], [7 x i8]* @.str.2, i64 0, i64 0), i8** %5
	%36 = load i32, i32* %s
	store i32 %36, i32* %6
	%37 = load i32, i32* %s
	%38 = sub i32 %37, 1
	store i32 %38, i32* %s
	%39 = load i32, i32* %s
	%40 = icmp slt i32 %39, 2
	%41 = load i8*, i8** %5
	%42 = load i32, i32* %6
	call void @note$N1(i8* %41, i32 %42)
	br i1 %40, label %repeat.end, label %repeat.body

repeat.end:
	%43 = load i32, i32* %s
	%44 = load %S*, %S** %0
	call void @show$N2(%S* %44)
	ret i32 %43
}

define void @note$N1(i8* %s, i32 %i) {
entry:
	%s.addr = alloca i8*, align 8
	%i.addr = alloca i32, align 4
	store i8* %s, i8** %s.addr
	store i32 %i, i32* %i.addr
	%0 = load i8*, i8** %s.addr
	%1 = load i32, i32* %i.addr
	%2 = call i32 (i8*, ...) @printf(i8* getelementptr inbounds ([7 x i8], [7 x i8]* @.str.4, i64 0, i64 0), i8* %0, i32 %1)
	ret void
}

define void @show$N2(%S* %self) {
entry:
	%self.addr = alloca %S*, align 8
	store %S* %self, %S** %self.addr
	%0 = load %S*, %S** %self.addr
	%1 = getelementptr inbounds %S, %S* %0, i32 0, i32 0
	%2 = load i32, i32* %1
	%3 = load %S*, %S** %self.addr
	%4 = getelementptr inbounds %S, %S* %3, i32 0, i32 1
	%5 = load i32, i32* %4
	%6 = call i32 (i8*, ...) @printf(i8* getelementptr inbounds ([7 x i8], [7 x i8]* @.str.3, i64 0, i64 0), i32 %2, i32 %5)
	ret void
}

declare i32 @printf(i8* %0, ...)

define i32 @jumps$N3(i32 %n) {
entry:
	%n.addr = alloca i32, align 4
	%i = alloca i32, align 4
	%t = alloca %S, align 4
	%0 = alloca i8*, align 8
	%1 = alloca i32, align 4
	store i32 %n, i32* %n.addr
	store i32 0, i32* %i
	br label %top

top:
	%2 = load i32, i32* %i
	%3 = load i32, i32* %n.addr
	%4 = insertvalue %S zeroinitializer, i32 %2, 0
	%5 = insertvalue %S %4, i32 %3, 1
	store %S %5, %S* %t
	store i8* getelementptr inbounds ([6 x i8], [6 x i8]* @.str.5, i64 0, i64 0), i8** %0
	%6 = getelementptr inbounds %S, %S* %t, i32 0, i32 0
	%7 = load i32, i32* %6
	store i32 %7, i32* %1
	%8 = load i32, i32* %i
	%9 = load i32, i32* %n.addr
	%10 = icmp sgt i32 %8, %9
	br i1 %10, label %if.then, label %if.else

if.then:
	%11 = load i8*, i8** %0
	%12 = load i32, i32* %1
	call void @note$N1(i8* %11, i32 %12)
	br label %done

if.else:
	br label %if.end

if.end:
	%13 = load i8*, i8** %0
	%14 = load i32, i32* %1
	call void @note$N1(i8* %13, i32 %14)
	%15 = load i32, i32* %i
	%16 = add i32 %15, 1
	store i32 %16, i32* %i
	%17 = load i32, i32* %i
	%18 = icmp slt i32 %17, 10
	br i1 %18, label %if.then1, label %if.else1

if.then1:
	br label %top

if.else1:
	br label %if.end1

if.end1:
	br label %done

done:
	%19 = load i32, i32* %i
	ret i32 %19
}

define i64 @early$N4(i32 %n) {
entry:
	%n.addr = alloca i32, align 4
	%a = alloca %S, align 4
	%0 = alloca i8*, align 8
	%1 = alloca i32, align 4
	%b = alloca %S, align 4
	%2 = alloca i8*, align 8
	%3 = alloca i32, align 4
	%4 = alloca { i64 }, align 8
	%5 = alloca { i64 }, align 8
	store i32 %n, i32* %n.addr
	%6 = load i32, i32* %n.addr
	%7 = insertvalue %S zeroinitializer, i32 %6, 0
	%8 = insertvalue %S %7, i32 0, 1
	store %S %8, %S* %a
	store i8* getelementptr inbounds ([6 x i8], [6 x i8]* @.str.6, i64 0, i64 0), i8** %0
	%9 = getelementptr inbounds %S, %S* %a, i32 0, i32 0
	%10 = load i32, i32* %9
	store i32 %10, i32* %1
	%11 = load i32, i32* %n.addr
	%12 = icmp sgt i32 %11, 5
	br i1 %12, label %if.then, label %if.else

if.then:
	%13 = load i32, i32* %n.addr
	%14 = insertvalue %S zeroinitializer, i32 0, 0
	%15 = insertvalue %S %14, i32 %13, 1
	store %S %15, %S* %b
	store i8* getelementptr inbounds ([6 x i8], [6 x i8]* @.str.7, i64 0, i64 0), i8** %2
	%16 = getelementptr inbounds %S, %S* %b, i32 0, i32 1
	%17 = load i32, i32* %16
	store i32 %17, i32* %3
	%18 = load %S, %S* %b
	%19 = load i8*, i8** %2
	%20 = load i32, i32* %3
	call void @note$N1(i8* %19, i32 %20)
	%21 = load i8*, i8** %0
	%22 = load i32, i32* %1
	call void @note$N1(i8* %21, i32 %22)
	%23 = bitcast { i64 }* %4 to %S*
	store %S %18, %S* %23
	%24 = bitcast { i64 }* %4 to i64*
	%25 = load i64, i64* %24
	ret i64 %25

if.else:
	br label %if.end

if.end:
	%26 = getelementptr inbounds %S, %S* %a, i32 0, i32 1
	store i32 7, i32* %26
	%27 = load %S, %S* %a
	%28 = load i8*, i8** %0
	%29 = load i32, i32* %1
	call void @note$N1(i8* %28, i32 %29)
	%30 = bitcast { i64 }* %5 to %S*
	store %S %27, %S* %30
	%31 = bitcast { i64 }* %5 to i64*
	%32 = load i64, i64* %31
	ret i64 %32
}

define i32 @sw$N5(i32 %n) {
entry:
	%n.addr = alloca i32, align 4
	%r = alloca i32, align 4
	%0 = alloca i8*, align 8
	%1 = alloca i32, align 4
	store i32 %n, i32* %n.addr
	store i32 0, i32* %r
	%2 = load i32, i32* %n.addr
	switch i32 %2, label %switch.default [
		i32 1, label %switch.case
		i32 2, label %switch.case1
		i32 3, label %switch.case1
	]

switch.case:
	store i32 10, i32* %r
	br label %switch.end

switch.case1:
	store i8* getelementptr inbounds ([5 x i8], [5 x i8]* @.str.8, i64 0, i64 0), i8** %0
	%3 = load i32, i32* %n.addr
	store i32 %3, i32* %1
	store i32 20, i32* %r
	%4 = load i8*, i8** %0
	%5 = load i32, i32* %1
	call void @note$N1(i8* %4, i32 %5)
	br label %switch.end

switch.default:
	%6 = sub i32 0, 1
	store i32 %6, i32* %r
	br label %switch.end

switch.end:
	%7 = load i32, i32* %r
	ret i32 %7
}
