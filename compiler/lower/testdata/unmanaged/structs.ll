source_filename = "golden"
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

%Pair = type { i32, double }
%Big = type { [8 x i32], i32, %Pair }
%Buf = type { i32*, i64 }

define { i32, double } @mkpair$N0(i32 %a, double %b) {
entry:
	%a.addr = alloca i32, align 4
	%b.addr = alloca double, align 8
	%0 = alloca { i32, double }, align 8
	store i32 %a, i32* %a.addr
	store double %b, double* %b.addr
	%1 = load i32, i32* %a.addr
	%2 = load double, double* %b.addr
	%3 = insertvalue %Pair zeroinitializer, i32 %1, 0
	%4 = insertvalue %Pair %3, double %2, 1
	%5 = bitcast { i32, double }* %0 to %Pair*
	store %Pair %4, %Pair* %5
	%6 = bitcast { i32, double }* %0 to { i32, double }*
	%7 = load { i32, double }, { i32, double }* %6
	ret { i32, double } %7
}

define void @mkbig$N1(%Big* sret(%Big) noalias align 8 %sret, i32 %n) {
entry:
	%n.addr = alloca i32, align 4
	%b = alloca %Big, align 8
	%i = alloca i32, align 4
	%0 = alloca { i32, double }, align 8
	%1 = alloca %Big, align 8
	store i32 %n, i32* %n.addr
	store i32 0, i32* %i
	br label %for.cond

for.cond:
	%2 = load i32, i32* %i
	%3 = icmp slt i32 %2, 8
	br i1 %3, label %for.body, label %for.end

for.body:
	%4 = load i32, i32* %i
	%5 = load i32, i32* %n.addr
	%6 = mul i32 %4, %5
	%7 = load i32, i32* %i
	%8 = sext i32 %7 to i64
	%9 = getelementptr inbounds %Big, %Big* %b, i32 0, i32 0
	%10 = getelementptr inbounds [8 x i32], [8 x i32]* %9, i64 0, i64 %8
	store i32 %6, i32* %10
	br label %for.inc

for.inc:
	%11 = load i32, i32* %i
	%12 = add i32 %11, 1
	store i32 %12, i32* %i
	br label %for.cond

for.end:
	%13 = load i32, i32* %n.addr
	%14 = getelementptr inbounds %Big, %Big* %b, i32 0, i32 1
	store i32 %13, i32* %14
	%15 = load i32, i32* %n.addr
	%16 = call { i32, double } @mkpair$N0(i32 %15, double 2.5)
	%17 = bitcast { i32, double }* %0 to { i32, double }*
	store { i32, double } %16, { i32, double }* %17
	%18 = bitcast { i32, double }* %0 to %Pair*
	%19 = load %Pair, %Pair* %18
	%20 = getelementptr inbounds %Big, %Big* %b, i32 0, i32 2
	store %Pair %19, %Pair* %20
	%21 = bitcast %Big* %1 to i8*
	%22 = bitcast %Big* %b to i8*
	call void @llvm.memcpy.p0i8.p0i8.i64(i8* align 8 %21, i8* align 8 %22, i64 56, i1 false)
	%23 = bitcast %Big* %sret to i8*
	%24 = bitcast %Big* %1 to i8*
	call void @llvm.memcpy.p0i8.p0i8.i64(i8* align 8 %23, i8* align 8 %24, i64 56, i1 false)
	ret void
}

declare void @llvm.memcpy.p0i8.p0i8.i64(i8* %0, i8* %1, i64 %2, i1 %3)

define { i32, double } @bypair$N2(i32 %p.coerce, double %p.coerce1, i32 %q.coerce, double %q.coerce1) {
entry:
	%0 = alloca { i32, double }, align 8
	%p.addr = alloca %Pair, align 8
	%1 = alloca { i32, double }, align 8
	%q.addr = alloca %Pair, align 8
	%r = alloca %Pair, align 8
	%2 = alloca { i32, double }, align 8
	%3 = getelementptr inbounds { i32, double }, { i32, double }* %0, i32 0, i32 0
	store i32 %p.coerce, i32* %3
	%4 = getelementptr inbounds { i32, double }, { i32, double }* %0, i32 0, i32 1
	store double %p.coerce1, double* %4
	%5 = bitcast { i32, double }* %0 to %Pair*
	%6 = load %Pair, %Pair* %5
	store %Pair %6, %Pair* %p.addr
	%7 = getelementptr inbounds { i32, double }, { i32, double }* %1, i32 0, i32 0
	store i32 %q.coerce, i32* %7
	%8 = getelementptr inbounds { i32, double }, { i32, double }* %1, i32 0, i32 1
	store double %q.coerce1, double* %8
	%9 = bitcast { i32, double }* %1 to %Pair*
	%10 = load %Pair, %Pair* %9
	store %Pair %10, %Pair* %q.addr
	%11 = load %Pair, %Pair* %p.addr
	store %Pair %11, %Pair* %r
	%12 = getelementptr inbounds %Pair, %Pair* %r, i32 0, i32 0
	%13 = load i32, i32* %12
	%14 = getelementptr inbounds %Pair, %Pair* %q.addr, i32 0, i32 0
	%15 = load i32, i32* %14
	%16 = add i32 %13, %15
	%17 = getelementptr inbounds %Pair, %Pair* %r, i32 0, i32 0
	store i32 %16, i32* %17
	%18 = load %Pair, %Pair* %q.addr
	store %Pair %18, %Pair* %r
	%19 = load %Pair, %Pair* %r
	%20 = bitcast { i32, double }* %2 to %Pair*
	store %Pair %19, %Pair* %20
	%21 = bitcast { i32, double }* %2 to { i32, double }*
	%22 = load { i32, double }, { i32, double }* %21
	ret { i32, double } %22
}

define i32 @bybig$N3(%Big* byval(%Big) align 8 %b) {
entry:
	%c = alloca %Big, align 8
	%d = alloca %Big, align 8
	%0 = alloca %Big, align 8
	%1 = alloca %Big, align 8
	%2 = alloca { i32, double }, align 8
	%_rvalue_ = alloca %Pair, align 8
	%3 = bitcast %Big* %c to i8*
	%4 = bitcast %Big* %b to i8*
	call void @llvm.memcpy.p0i8.p0i8.i64(i8* align 8 %3, i8* align 8 %4, i64 56, i1 false)
	%5 = bitcast %Big* %0 to i8*
	%6 = bitcast %Big* %c to i8*
	call void @llvm.memcpy.p0i8.p0i8.i64(i8* align 8 %5, i8* align 8 %6, i64 56, i1 false)
	%7 = bitcast %Big* %d to i8*
	%8 = bitcast %Big* %0 to i8*
	call void @llvm.memcpy.p0i8.p0i8.i64(i8* align 8 %7, i8* align 8 %8, i64 56, i1 false)
	%9 = getelementptr inbounds %Big, %Big* %d, i32 0, i32 0
	%10 = getelementptr inbounds [8 x i32], [8 x i32]* %9, i64 0, i64 3
	%11 = load i32, i32* %10
	call void @mkbig$N1(%Big* sret(%Big) %1, i32 2)
	%12 = getelementptr inbounds %Big, %Big* %1, i32 0, i32 1
	%13 = load i32, i32* %12
	%14 = add i32 %11, %13
	%15 = sitofp i32 %14 to double
	%16 = call { i32, double } @mkpair$N0(i32 1, double 2.0)
	%17 = bitcast { i32, double }* %2 to { i32, double }*
	store { i32, double } %16, { i32, double }* %17
	%18 = bitcast { i32, double }* %2 to %Pair*
	%19 = load %Pair, %Pair* %18
	store %Pair %19, %Pair* %_rvalue_
	%20 = call double @sum$N4(%Pair* %_rvalue_)
	%21 = fadd double %15, %20
	%22 = fptosi double %21 to i32
	ret i32 %22
}

define double @sum$N4(%Pair* %self) {
entry:
	%self.addr = alloca %Pair*, align 8
	store %Pair* %self, %Pair** %self.addr
	%0 = load %Pair*, %Pair** %self.addr
	%1 = getelementptr inbounds %Pair, %Pair* %0, i32 0, i32 0
	%2 = load i32, i32* %1
	%3 = sitofp i32 %2 to double
	%4 = load %Pair*, %Pair** %self.addr
	%5 = getelementptr inbounds %Pair, %Pair* %4, i32 0, i32 1
	%6 = load double, double* %5
	%7 = fadd double %3, %6
	ret double %7
}

define double @temps$N5() {
entry:
	%0 = alloca { i32, double }, align 8
	%1 = alloca %Big, align 8
	%x = alloca double, align 8
	%2 = alloca { i32, double }, align 8
	%3 = alloca %Big, align 8
	%4 = call { i32, double } @mkpair$N0(i32 1, double 2.0)
	%5 = bitcast { i32, double }* %0 to { i32, double }*
	store { i32, double } %4, { i32, double }* %5
	%6 = bitcast { i32, double }* %0 to %Pair*
	%7 = load %Pair, %Pair* %6
	%8 = extractvalue %Pair %7, 1
	call void @mkbig$N1(%Big* sret(%Big) %1, i32 3)
	%9 = getelementptr inbounds %Big, %Big* %1, i32 0, i32 2
	%10 = load %Pair, %Pair* %9
	%11 = extractvalue %Pair %10, 1
	%12 = fadd double %8, %11
	store double %12, double* %x
	%13 = call { i32, double } @mkpair$N0(i32 4, double 5.0)
	%14 = bitcast { i32, double }* %2 to { i32, double }*
	store { i32, double } %13, { i32, double }* %14
	%15 = bitcast { i32, double }* %2 to %Pair*
	%16 = load %Pair, %Pair* %15
	call void @mkbig$N1(%Big* sret(%Big) %3, i32 6)
	%17 = load double, double* %x
	ret double %17
}

define { i32, double } @tuples$N6() {
entry:
	%a = alloca i32, align 4
	%b = alloca double, align 8
	%t = alloca { i32, double }, align 8
	%_structcast_ = alloca { i32, double }, align 8
	%p = alloca %Pair, align 8
	%0 = alloca { i32, double }, align 8
	store i32 1, i32* %a
	store double 2.0, double* %b
	%1 = load double, double* %b
	%2 = fptosi double %1 to i32
	%3 = load i32, i32* %a
	%4 = sitofp i32 %3 to double
	store i32 %2, i32* %a
	store double %4, double* %b
	%5 = load i32, i32* %a
	%6 = load double, double* %b
	%7 = insertvalue { i32, double } zeroinitializer, i32 %5, 0
	%8 = insertvalue { i32, double } %7, double %6, 1
	store { i32, double } %8, { i32, double }* %t
	%9 = load { i32, double }, { i32, double }* %t
	store { i32, double } %9, { i32, double }* %_structcast_
	%10 = getelementptr inbounds { i32, double }, { i32, double }* %_structcast_, i32 0, i32 0
	%11 = load i32, i32* %10
	%12 = getelementptr inbounds { i32, double }, { i32, double }* %_structcast_, i32 0, i32 1
	%13 = load double, double* %12
	%14 = insertvalue %Pair zeroinitializer, i32 %11, 0
	%15 = insertvalue %Pair %14, double %13, 1
	store %Pair %15, %Pair* %p
	%16 = getelementptr inbounds %Pair, %Pair* %p, i32 0, i32 0
	%17 = load i32, i32* %16
	%18 = getelementptr inbounds %Pair, %Pair* %p, i32 0, i32 1
	%19 = load double, double* %18
	%20 = insertvalue { i32, double } zeroinitializer, i32 %17, 0
	%21 = insertvalue { i32, double } %20, double %19, 1
	%22 = bitcast { i32, double }* %0 to { i32, double }*
	store { i32, double } %21, { i32, double }* %22
	%23 = bitcast { i32, double }* %0 to { i32, double }*
	%24 = load { i32, double }, { i32, double }* %23
	ret { i32, double } %24
}

define i32 @usetuple$N7() {
entry:
	%0 = alloca { i32, double }, align 8
	%_tuple_ = alloca { i32, double }, align 8
	%x = alloca i32, align 4
	%y = alloca double, align 8
	%1 = call { i32, double } @tuples$N6()
	%2 = bitcast { i32, double }* %0 to { i32, double }*
	store { i32, double } %1, { i32, double }* %2
	%3 = bitcast { i32, double }* %0 to { i32, double }*
	%4 = load { i32, double }, { i32, double }* %3
	store { i32, double } %4, { i32, double }* %_tuple_
	%5 = getelementptr inbounds { i32, double }, { i32, double }* %_tuple_, i32 0, i32 0
	%6 = load i32, i32* %5
	%7 = getelementptr inbounds { i32, double }, { i32, double }* %_tuple_, i32 0, i32 1
	%8 = load double, double* %7
	store i32 %6, i32* %x
	store double %8, double* %y
	%9 = load i32, i32* %x
	%10 = sitofp i32 %9 to double
	%11 = load double, double* %y
	%12 = fadd double %10, %11
	%13 = fptosi double %12 to i32
	ret i32 %13
}

define i32 @arrays$N8() {
entry:
	%xs = alloca [4 x i32], align 4
	%ps = alloca [3 x %Pair], align 8
	%0 = alloca [2 x %Buf], align 8
	%bs = alloca [2 x %Buf], align 8
	%i = alloca i32, align 4
	%1 = alloca { i32, double }, align 8
	%ys = alloca [4 x i32], align 4
	%2 = insertvalue %Buf zeroinitializer, i32* null, 0
	%3 = insertvalue %Buf %2, i64 0, 1
	%4 = insertvalue %Buf zeroinitializer, i32* null, 0
	%5 = insertvalue %Buf %4, i64 1, 1
	%6 = getelementptr inbounds [2 x %Buf], [2 x %Buf]* %0, i64 0, i64 0
	store %Buf %3, %Buf* %6
	%7 = getelementptr inbounds [2 x %Buf], [2 x %Buf]* %0, i64 0, i64 1
	store %Buf %5, %Buf* %7
	%8 = bitcast [2 x %Buf]* %bs to i8*
	%9 = bitcast [2 x %Buf]* %0 to i8*
	call void @llvm.memcpy.p0i8.p0i8.i64(i8* align 8 %8, i8* align 8 %9, i64 32, i1 false)
	store i32 0, i32* %i
	br label %for.cond

for.cond:
	%10 = load i32, i32* %i
	%11 = icmp slt i32 %10, 4
	br i1 %11, label %for.body, label %for.end

for.body:
	%12 = load i32, i32* %i
	%13 = load i32, i32* %i
	%14 = sext i32 %13 to i64
	%15 = getelementptr inbounds [4 x i32], [4 x i32]* %xs, i64 0, i64 %14
	store i32 %12, i32* %15
	br label %for.inc

for.inc:
	%16 = load i32, i32* %i
	%17 = add i32 %16, 1
	store i32 %17, i32* %i
	br label %for.cond

for.end:
	%18 = call { i32, double } @mkpair$N0(i32 2, double 3.0)
	%19 = bitcast { i32, double }* %1 to { i32, double }*
	store { i32, double } %18, { i32, double }* %19
	%20 = bitcast { i32, double }* %1 to %Pair*
	%21 = load %Pair, %Pair* %20
	%22 = getelementptr inbounds [3 x %Pair], [3 x %Pair]* %ps, i64 0, i64 1
	store %Pair %21, %Pair* %22
	%23 = load [4 x i32], [4 x i32]* %xs
	store [4 x i32] %23, [4 x i32]* %ys
	%24 = getelementptr inbounds [3 x %Pair], [3 x %Pair]* %ps, i64 0, i64 1
	%25 = getelementptr inbounds %Pair, %Pair* %24, i32 0, i32 0
	%26 = load i32, i32* %25
	%27 = getelementptr inbounds [4 x i32], [4 x i32]* %ys, i64 0, i64 0
	store i32 %26, i32* %27
	%28 = getelementptr inbounds [4 x i32], [4 x i32]* %ys, i64 0, i64 0
	%29 = load i32, i32* %28
	%30 = sext i32 %29 to i64
	%31 = getelementptr inbounds [2 x %Buf], [2 x %Buf]* %bs, i64 0, i64 1
	%32 = getelementptr inbounds %Buf, %Buf* %31, i32 0, i32 1
	%33 = load i64, i64* %32
	%34 = add i64 %30, %33
	%35 = trunc i64 %34 to i32
	ret i32 %35
}

define { i32*, i64 } @heap$N9(i64 %n) {
entry:
	%n.addr = alloca i64, align 8
	%b = alloca %Buf, align 8
	%i = alloca i64, align 8
	%0 = alloca { i32*, i64 }, align 8
	store i64 %n, i64* %n.addr
	%1 = load i64, i64* %n.addr
	%2 = mul i64 %1, 4
	%3 = call i8* @malloc(i64 %2)
	%4 = bitcast i8* %3 to i32*
	%5 = load i64, i64* %n.addr
	%6 = insertvalue %Buf zeroinitializer, i32* %4, 0
	%7 = insertvalue %Buf %6, i64 %5, 1
	store %Buf %7, %Buf* %b
	%8 = load i64, i64* %n.addr
	store i64 0, i64* %i
	br label %for.cond

for.cond:
	%9 = load i64, i64* %i
	%10 = icmp slt i64 %9, %8
	br i1 %10, label %for.body, label %for.end

for.body:
	%11 = load i64, i64* %i
	%12 = trunc i64 %11 to i32
	%13 = load i64, i64* %i
	%14 = getelementptr inbounds %Buf, %Buf* %b, i32 0, i32 0
	%15 = load i32*, i32** %14
	%16 = getelementptr inbounds i32, i32* %15, i64 %13
	store i32 %12, i32* %16
	br label %for.inc

for.inc:
	%17 = load i64, i64* %i
	%18 = add i64 %17, 1
	store i64 %18, i64* %i
	br label %for.cond

for.end:
	%19 = load %Buf, %Buf* %b
	%20 = bitcast { i32*, i64 }* %0 to %Buf*
	store %Buf %19, %Buf* %20
	%21 = bitcast { i32*, i64 }* %0 to { i32*, i64 }*
	%22 = load { i32*, i64 }, { i32*, i64 }* %21
	ret { i32*, i64 } %22
}

declare i8* @malloc(i64 %0)
