-- Statistics kernels that main.go loads and calls with Go slices.
local S = {}

struct S.Summary { n : int, mean : double, min : double, max : double }

terra S.summarize(xs : &double, n : int) : S.Summary
	var s = S.Summary { n, 0.0, xs[0], xs[0] }
	for i = 0, n do
		s.mean = s.mean + xs[i]
		if xs[i] < s.min then s.min = xs[i] end
		if xs[i] > s.max then s.max = xs[i] end
	end
	s.mean = s.mean / n
	return s
end

-- normalize rescales xs to [0, 1] in place and reports each value it
-- changed through `progress`, a Go function registered as a callback.
terra S.normalize(xs : &double, n : int)
	var s = S.summarize(xs, n)
	for i = 0, n do
		xs[i] = (xs[i] - s.min) / (s.max - s.min)
		progress(i, xs[i])
	end
end

return S
