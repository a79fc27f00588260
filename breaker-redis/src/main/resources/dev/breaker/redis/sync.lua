-- One sync of one shared breaker from one instance: add its outcomes, evaluate the
-- shared state atomically, hand out half-open trial leases, publish any transition and
-- answer the current state.
-- KEYS: 1 state (hash), 2 window, 3 probes (zset of leases), 4 failing (zset of instances)
-- ARGV: see RedisStoreBackend.arguments()

local VERSION = ARGV[1]
local inst = ARGV[2]
local wtype, wsize, mincalls = ARGV[3], tonumber(ARGV[4]), tonumber(ARGV[5])
local fthr, sthr, cthr = tonumber(ARGV[6]), tonumber(ARGV[7]), tonumber(ARGV[8])
local waitms, mult, maxwaitms = tonumber(ARGV[9]), tonumber(ARGV[10]), tonumber(ARGV[11])
local permitted, howaitms = tonumber(ARGV[12]), tonumber(ARGV[13])
local minfail, leasettl, keyttl = tonumber(ARGV[14]), tonumber(ARGV[15]), tonumber(ARGV[16])
local channel, name = ARGV[17], ARGV[18]
local kepoch, kstate, kremain, kattempt = tonumber(ARGV[19]), ARGV[20], tonumber(ARGV[21]), tonumber(ARGV[22])
local calls, fails, slows = tonumber(ARGV[23]), tonumber(ARGV[24]), tonumber(ARGV[25])
local broken, streak = ARGV[26] == '1', tonumber(ARGV[27])
local wanted, tcalls, tfails, tslows = tonumber(ARGV[28]), tonumber(ARGV[29]), tonumber(ARGV[30]), tonumber(ARGV[31])
local done, held, manual = ARGV[32], ARGV[33], ARGV[34]

local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)

local function split(s)
  local out = {}
  for item in string.gmatch(s, '[^,]+') do out[#out + 1] = item end
  return out
end

local function pct(x)
  local s = string.format('%.1f', x)
  if string.sub(s, -2) == '.0' then s = string.sub(s, 1, -3) end
  return s
end

local function dur(ms)
  if ms % 1000 == 0 then return (ms / 1000) .. 's' end
  return ms .. 'ms'
end

-- the stored state, or a seed: the caller's own view re-seeds a store that lost it
local s = {}
local raw = redis.call('HGETALL', KEYS[1])
for i = 1, #raw, 2 do s[raw[i]] = raw[i + 1] end
if s.v ~= nil and s.v ~= VERSION then
  return redis.error_reply('BREAKERFORMAT stored format ' .. s.v .. ', this client writes ' .. VERSION)
end
if s.v == nil or kepoch > tonumber(s.epoch) then
  local seeded = kstate
  local untilms = 0
  if seeded == 'HALF_OPEN' then seeded = 'OPEN' end
  if seeded == 'OPEN' then untilms = now + kremain end
  local reason = 'initial'
  if kepoch > 0 then reason = 're-seeded by instance ' .. inst end
  s = { v = VERSION, epoch = tostring(kepoch), state = seeded, from = seeded, reason = reason,
        ['until'] = tostring(untilms), attempt = tostring(kattempt), consec = '0', hoc = '0', hof = '0',
        hos = '0', hod = '0', lseq = '0' }
  redis.call('DEL', KEYS[2], KEYS[3], KEYS[4])
end
local epoch, state = tonumber(s.epoch), s.state
local attempt, untilms = tonumber(s.attempt), tonumber(s['until'])
local consec, lseq = tonumber(s.consec), tonumber(s.lseq)
local hoc, hof, hos, hod = tonumber(s.hoc), tonumber(s.hof), tonumber(s.hos), tonumber(s.hod)
local changed = false

local function transition(to, reason, nextattempt, nextuntil)
  s.from = state
  state, epoch, attempt, untilms, s.reason = to, epoch + 1, nextattempt, nextuntil, reason
  hoc, hof, hos, hod, consec = 0, 0, 0, 0, 0
  if to == 'HALF_OPEN' and howaitms > 0 then hod = now + howaitms end
  redis.call('DEL', KEYS[3])
  if to == 'CLOSED' then redis.call('DEL', KEYS[2], KEYS[4]) end
  changed = true
end

local function open(nextattempt, reason)
  local wait = math.min(maxwaitms, math.floor(waitms * (mult ^ nextattempt)))
  transition('OPEN', reason, nextattempt, now + wait)
end

-- a manual transition wins over everything; "COMMAND#id": a command whose id was already
-- applied (its sync ran but the reply was lost, so it is sent again) is not applied twice
local mids = s.mids or ''
local hashpos = string.find(manual, '#', 1, true)
if hashpos then
  local mid = string.sub(manual, hashpos + 1)
  manual = string.sub(manual, 1, hashpos - 1)
  if string.find(',' .. mids .. ',', ',' .. mid .. ',', 1, true) then
    manual = ''
  else
    local kept = split(mids)
    mids = mid
    for i = 1, math.min(#kept, 7) do mids = mids .. ',' .. kept[i] end
  end
end
if manual == 'RESET' then
  if state == 'CLOSED' then
    redis.call('DEL', KEYS[2], KEYS[4])
    consec = 0
  else
    transition('CLOSED', 'reset', 0, 0)
  end
elseif manual ~= '' and manual ~= state then
  transition(manual, 'manual transition', 0, 0)
end

-- the window: per-second buckets (time-based) or per-sync batches (count-based)
local span = wsize * 1000
local function add(c, f, sl)
  if wtype == 'T' then
    local sec = math.floor(now / 1000)
    redis.call('HINCRBY', KEYS[2], 'c:' .. sec, c)
    if f > 0 then redis.call('HINCRBY', KEYS[2], 'f:' .. sec, f) end
    if sl > 0 then redis.call('HINCRBY', KEYS[2], 's:' .. sec, sl) end
  else
    redis.call('LPUSH', KEYS[2], c .. ',' .. f .. ',' .. sl .. ',' .. now)
  end
end

local function window()
  local c, f, sl, since = 0, 0, 0, now - span
  if wtype == 'T' then
    local oldest = math.floor(now / 1000) - wsize
    local fields = redis.call('HGETALL', KEYS[2])
    for i = 1, #fields, 2 do
      local kind, sec = string.match(fields[i], '^(%a):(%d+)$')
      sec = tonumber(sec)
      if sec == nil or sec <= oldest then
        redis.call('HDEL', KEYS[2], fields[i])
      elseif kind == 'c' then c = c + tonumber(fields[i + 1])
      elseif kind == 'f' then f = f + tonumber(fields[i + 1])
      else sl = sl + tonumber(fields[i + 1]) end
    end
  else
    local batches = redis.call('LRANGE', KEYS[2], 0, wsize - 1)
    for i = 1, #batches do
      local bc, bf, bs, bt = string.match(batches[i], '^(%d+),(%d+),(%d+),(%d+)$')
      bc, bf, bs = tonumber(bc), tonumber(bf), tonumber(bs)
      local take = math.min(bc, wsize - c)
      if take < bc then
        -- the oldest batch counts only in part: scale its failures and slow calls
        bf, bs = math.floor(bf * take / bc + 0.5), math.floor(bs * take / bc + 0.5)
      end
      c, f, sl, since = c + take, f + bf, sl + bs, tonumber(bt)
      if c >= wsize then
        redis.call('LTRIM', KEYS[2], 0, i - 1)
        break
      end
    end
  end
  redis.call('ZREMRANGEBYSCORE', KEYS[4], '-inf', '(' .. since)
  return c, f, sl, redis.call('ZCARD', KEYS[4])
end

if kepoch == epoch and state == 'CLOSED' and calls > 0 then
  add(calls, fails, slows)
  if fails > 0 then redis.call('ZADD', KEYS[4], now, inst) end
  if broken then consec = streak else consec = consec + streak end
end

-- trial outcomes and leases
for _, id in ipairs(split(done)) do redis.call('ZREM', KEYS[3], id) end
if kepoch == epoch and state == 'HALF_OPEN' then
  hoc, hof, hos = hoc + tcalls, hof + tfails, hos + tslows
  for _, id in ipairs(split(held)) do redis.call('ZADD', KEYS[3], 'XX', now + leasettl, id) end
end

-- evaluate
if state == 'OPEN' and now >= untilms then
  transition('HALF_OPEN', 'waited ' .. dur(math.min(maxwaitms, math.floor(waitms * (mult ^ attempt)))), attempt, 0)
end
local wc, wf, ws, failing = 0, 0, 0, 0
if state == 'HALF_OPEN' then
  wc, wf, ws = hoc, hof, hos
  local fr, sr = hof * 100 / permitted, hos * 100 / permitted
  if fr >= fthr then
    open(attempt + 1, hof .. ' of ' .. permitted .. ' trial calls failed (' .. pct(fr) .. '% >= ' .. pct(fthr) .. '%)')
  elseif sr >= sthr then
    open(attempt + 1, hos .. ' of ' .. permitted .. ' trial calls were slow (' .. pct(sr) .. '% >= ' .. pct(sthr) .. '%)')
  elseif hod > 0 and now >= hod then
    -- before the close check, like the local breaker: trials reported after the
    -- deadline did not complete in time, even if they are all there now
    open(attempt + 1, 'trial calls not completed within ' .. dur(howaitms))
  elseif hoc >= permitted then
    local rates = 'failure rate ' .. pct(fr) .. '%, slow-call rate ' .. pct(sr) .. '%'
    transition('CLOSED', hoc .. ' trial calls: ' .. rates .. ' (cluster-wide)', 0, 0)
    wc, wf, ws = 0, 0, 0
  end
else
  wc, wf, ws, failing = window()
  if state == 'CLOSED' then
    local from = ' from ' .. failing .. ' instance' .. (failing == 1 and '' or 's')
    if failing >= minfail then
      if cthr > 0 and consec >= cthr then
        open(0, consec .. ' consecutive failures (threshold ' .. cthr .. ')' .. from)
      elseif wc >= mincalls and wc > 0 then
        local fr, sr = wf * 100 / wc, ws * 100 / wc
        if fr >= fthr then
          open(0, 'failure rate ' .. pct(fr) .. '% >= ' .. pct(fthr) .. '% over ' .. wc .. ' calls' .. from)
        elseif sr >= sthr then
          open(0, 'slow-call rate ' .. pct(sr) .. '% >= ' .. pct(sthr) .. '% over ' .. wc .. ' calls' .. from)
        end
      end
    end
  end
end

-- grant trial leases, at most `permitted` live or completed in this half-open epoch
local granted = {}
if state == 'HALF_OPEN' and wanted > 0 then
  redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', now)
  local free = permitted - hoc - redis.call('ZCARD', KEYS[3])
  for _ = 1, math.min(wanted, free) do
    lseq = lseq + 1
    local id = inst .. ':' .. epoch .. ':' .. lseq
    redis.call('ZADD', KEYS[3], now + leasettl, id)
    granted[#granted + 1] = id
  end
end

local remaining = 0
if state == 'OPEN' then remaining = math.max(0, untilms - now) end
redis.call('HSET', KEYS[1], 'v', VERSION, 'epoch', epoch, 'state', state, 'from', s.from, 'reason', s.reason,
  'until', untilms, 'attempt', attempt, 'consec', consec, 'hoc', hoc, 'hof', hof, 'hos', hos, 'hod', hod,
  'lseq', lseq, 'mids', mids)
for i = 1, 4 do redis.call('PEXPIRE', KEYS[i], keyttl) end
if changed then
  redis.call('PUBLISH', channel, table.concat({ name, epoch, state, s.from, remaining, attempt, s.reason }, '\n'))
end
return { tostring(epoch), state, s.from, s.reason, tostring(remaining), tostring(attempt), tostring(wc),
  tostring(wf), tostring(ws), granted }
