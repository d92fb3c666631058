-- image.pgzip: gzip in independent 1 MiB chunks compressed by worker
-- threads, as pigz does. Each chunk is raw deflate primed with the 32 KiB
-- before it and ends with a sync flush (the last one with the final
-- block), so the output is one ordinary gzip member, within a fraction of
-- a percent of a single-stream deflate, and the same bytes whatever the
-- number of threads (none on a one-CPU machine: the writing thread then
-- compresses each chunk itself).
local U = require "image.util"
local C = U.C

local Z = terralib.includec("zlib.h")
local P = terralib.includecstring [[
#include <pthread.h>
#include <unistd.h>
enum { K_SC_NPROCESSORS_ONLN = _SC_NPROCESSORS_ONLN };
]]

local G = {}


local CHUNK = 1048576
local DICT = 32768
local MAXTHREADS = 8
local MAXTHREADS_DEFAULT = 8

-- The most worker threads to start; tests set it to 0 or 1 to check that
-- the bytes do not depend on it.
G.maxthreads = global(int, MAXTHREADS_DEFAULT)
local Z_SYNC_FLUSH, Z_FINISH, Z_OK, Z_STREAM_END = 2, 4, 0, 1
local FREE, FILLING, READY, WORKING, DONE = 0, 1, 2, 3, 4

struct G.Job {
  inp : &uint8; n : int64
  dict : &uint8; dictn : int
  out : &uint8; outn : int64; outcap : int64
  last : bool; ok : bool; state : int; seq : int64
}

struct G.Pgz {
  fd : int; level : int; ok : bool
  jobs : &G.Job; njobs : int
  cur : &G.Job
  nextseq : int64; written : int64
  tail : &uint8; tailn : int
  crc : uint32; isize : uint64
  nthreads : int; threads : P.pthread_t[MAXTHREADS]
  mu : P.pthread_mutex_t; work : P.pthread_cond_t; done : P.pthread_cond_t
  stop : bool
  z : Z.z_stream  -- the writing thread's own, when there are no workers
}

-- writeall writes n bytes at the file's position, retrying short writes.
terra G.writeall(fd : int, p : &uint8, n : int64) : bool
  while n > 0 do
    var w = C.write(fd, p, n)
    if w <= 0 then
      if w < 0 and @C.__errno_location() == 4 then goto again end -- EINTR
      return false
    end
    p, n = p + w, n - w
    ::again::
  end
  return true
end

local terra zinit(z : &Z.z_stream, level : int) : bool
  C.memset(z, 0, sizeof(Z.z_stream))
  -- windowBits -15: raw deflate; the gzip wrapper is written here
  return Z.deflateInit2_(z, level, 8, -15, 8, 0, Z.zlibVersion(), sizeof(Z.z_stream)) == Z_OK
end

-- compress deflates one chunk into its output buffer.
local terra compress(z : &Z.z_stream, j : &G.Job)
  Z.deflateReset(z)
  if j.dictn > 0 then Z.deflateSetDictionary(z, j.dict, j.dictn) end
  z.next_in, z.avail_in = j.inp, j.n
  z.next_out, z.avail_out = j.out, j.outcap
  var r = Z.deflate(z, terralib.select(j.last, Z_FINISH, Z_SYNC_FLUSH))
  j.outn = j.outcap - z.avail_out
  -- the buffer is deflateBound-sized, so one call always completes
  j.ok = terralib.select(j.last, r == Z_STREAM_END, r == Z_OK and z.avail_out > 0)
end

local terra worker(arg : &opaque) : &opaque
  var g = [&G.Pgz](arg)
  var z : Z.z_stream
  var zok = zinit(&z, g.level)
  P.pthread_mutex_lock(&g.mu)
  while true do
    var pick : &G.Job = nil
    for i = 0, g.njobs do
      var j = &g.jobs[i]
      if j.state == READY then
        if pick == nil then pick = j elseif j.seq < pick.seq then pick = j end
      end
    end
    if pick == nil then
      if g.stop then break end
      P.pthread_cond_wait(&g.work, &g.mu)
    else
      pick.state = WORKING
      P.pthread_mutex_unlock(&g.mu)
      if zok then compress(&z, pick) else pick.ok = false end
      P.pthread_mutex_lock(&g.mu)
      pick.state = DONE
      P.pthread_cond_broadcast(&g.done)
    end
  end
  P.pthread_mutex_unlock(&g.mu)
  Z.deflateEnd(&z)
  return nil
end

-- drain writes finished chunks in order; with wait it blocks until every
-- submitted chunk is written.
terra G.Pgz:drain(wait : bool)
  if self.nthreads > 0 then P.pthread_mutex_lock(&self.mu) end
  while self.written < self.nextseq do
    var j = &self.jobs[self.written % self.njobs]
    if j.state == DONE then
      if self.nthreads > 0 then P.pthread_mutex_unlock(&self.mu) end
      if not j.ok then
        U.C.fprintf(U.C.stderr, "image: zlib deflate failed\n")
        self.ok = false
      end
      if self.ok then self.ok = G.writeall(self.fd, j.out, j.outn) end
      if self.nthreads > 0 then P.pthread_mutex_lock(&self.mu) end
      j.state = FREE
      self.written = self.written + 1
    elseif wait then
      P.pthread_cond_wait(&self.done, &self.mu)
    else
      break
    end
  end
  if self.nthreads > 0 then P.pthread_mutex_unlock(&self.mu) end
end

-- take makes the next free slot the chunk being filled.
terra G.Pgz:take()
  var j = &self.jobs[self.nextseq % self.njobs]
  while j.state ~= FREE do
    -- the slot still holds an unwritten chunk: write what is done, and
    -- wait for the oldest chunk when it is not
    self:drain(false)
    if j.state ~= FREE then
      P.pthread_mutex_lock(&self.mu)
      if self.jobs[self.written % self.njobs].state ~= DONE then P.pthread_cond_wait(&self.done, &self.mu) end
      P.pthread_mutex_unlock(&self.mu)
    end
  end
  j.state, j.n, j.seq = FILLING, 0, self.nextseq
  self.cur = j
end

-- submit queues the chunk being filled, primed with the 32 KiB before it.
terra G.Pgz:submit(last : bool)
  var j = self.cur
  C.memcpy(j.dict, self.tail, self.tailn)
  j.dictn, j.last = self.tailn, last
  if j.n >= DICT then
    C.memcpy(self.tail, j.inp + j.n - DICT, DICT)
    self.tailn = DICT
  else
    var keep = self.tailn
    if keep > DICT - j.n then keep = DICT - j.n end
    C.memmove(self.tail, self.tail + self.tailn - keep, keep)
    C.memcpy(self.tail + keep, j.inp, j.n)
    self.tailn = keep + j.n
  end
  self.nextseq = self.nextseq + 1
  if self.nthreads == 0 then
    compress(&self.z, j)
    j.state = DONE
  else
    P.pthread_mutex_lock(&self.mu)
    j.state = READY
    P.pthread_cond_signal(&self.work)
    P.pthread_mutex_unlock(&self.mu)
  end
  self:drain(false)
  if not last then self:take() end
end

terra G.Pgz:start(fd : int, level : int) : bool
  C.memset(self, 0, sizeof(G.Pgz))
  self.fd, self.level, self.ok = fd, level, true
  var n = P.sysconf(P.K_SC_NPROCESSORS_ONLN)
  if n > G.maxthreads then n = G.maxthreads end
  if n > MAXTHREADS then n = MAXTHREADS end
  if n <= 1 and G.maxthreads ~= 1 then n = 0 end
  self.nthreads = n
  self.njobs = 2 * n + 2
  self.jobs = [&G.Job](C.calloc(self.njobs, sizeof(G.Job)))
  var bound = Z.deflateBound(nil, CHUNK) + 64
  for i = 0, self.njobs do
    var j = &self.jobs[i]
    j.inp = [&uint8](C.malloc(CHUNK))
    j.dict = [&uint8](C.malloc(DICT))
    j.out = [&uint8](C.malloc(bound))
    j.outcap = bound
  end
  self.tail = [&uint8](C.malloc(DICT))
  self.crc = Z.crc32(0, nil, 0)
  if n == 0 then
    if not zinit(&self.z, level) then self.ok = false end
  else
    P.pthread_mutex_init(&self.mu, nil)
    P.pthread_cond_init(&self.work, nil)
    P.pthread_cond_init(&self.done, nil)
    for i = 0, n do
      if P.pthread_create(&self.threads[i], nil, worker, self) ~= 0 then
        self.nthreads = i
        break
      end
    end
    if self.nthreads == 0 then -- no thread could start: compress here
      if not zinit(&self.z, level) then self.ok = false end
    end
  end
  -- gzip header: deflate, no flags, mtime 0, extra flags as gzip sets
  -- them for the level, OS 3 (Unix)
  var h : uint8[10]
  h[0], h[1], h[2], h[3] = 0x1f, 0x8b, 8, 0
  h[4], h[5], h[6], h[7] = 0, 0, 0, 0
  h[8] = terralib.select(level >= 9, 2, terralib.select(level == 1, 4, 0))
  h[9] = 3
  self.ok = self.ok and G.writeall(fd, &h[0], 10)
  self:take()
  return self.ok
end

terra G.Pgz:write(p : &uint8, n : int64)
  self.crc = Z.crc32(self.crc, p, n)
  self.isize = self.isize + n
  while n > 0 do
    var j = self.cur
    var k = CHUNK - j.n
    if k > n then k = n end
    C.memcpy(j.inp + j.n, p, k)
    j.n = j.n + k
    p, n = p + k, n - k
    if j.n == CHUNK then self:submit(false) end
  end
end

-- finish compresses what is left, writes the trailer and stops the
-- workers.
terra G.Pgz:finish() : bool
  self:submit(true)
  if self.nthreads > 0 then
    self:drain(true)
    P.pthread_mutex_lock(&self.mu)
    self.stop = true
    P.pthread_cond_broadcast(&self.work)
    P.pthread_mutex_unlock(&self.mu)
    for i = 0, self.nthreads do P.pthread_join(self.threads[i], nil) end
    P.pthread_mutex_destroy(&self.mu)
    P.pthread_cond_destroy(&self.work)
    P.pthread_cond_destroy(&self.done)
  else
    self:drain(false)
    Z.deflateEnd(&self.z)
  end
  var t : uint8[8]
  for i = 0, 4 do
    t[i] = (self.crc >> (8 * i)) and 0xff
    t[4 + i] = (self.isize >> (8 * i)) and 0xff
  end
  self.ok = self.ok and G.writeall(self.fd, &t[0], 8)
  for i = 0, self.njobs do
    C.free(self.jobs[i].inp) C.free(self.jobs[i].dict) C.free(self.jobs[i].out)
  end
  C.free(self.jobs)
  C.free(self.tail)
  return self.ok
end

return G
