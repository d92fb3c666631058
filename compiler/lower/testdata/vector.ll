source_filename = "TestGolden/vector"
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

define <4 x float> @scale(<4 x float> %v) {
entry:
	%v.addr = alloca <4 x float>, align 16
	store <4 x float> %v, <4 x float>* %v.addr
	%0 = load <4 x float>, <4 x float>* %v.addr
	%1 = insertelement <4 x float> undef, float 2.0, i32 0
	%2 = shufflevector <4 x float> %1, <4 x float> undef, <4 x i32> <i32 0, i32 0, i32 0, i32 0>
	%3 = fmul <4 x float> %0, %2
	ret <4 x float> %3
}
