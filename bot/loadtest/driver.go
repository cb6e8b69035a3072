package loadtest

import (
	"bufio"
	"cmp"
	"context"
	"fmt"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
	"github.com/redis/go-redis/v9"

	"github.com/scamcheck/scamcheck/bot/store"
	"github.com/scamcheck/scamcheck/bot/telegram/telegramtest"
)

// The load of issue 6: People people send one update each in each of
// Rounds rounds (forwards in even rounds, presses in odd ones), then
// MorePeople more people forward one message each, so that People +
// MorePeople sessions exist.
const (
	People     = 1000
	Rounds     = 10
	MorePeople = 9000
)

// Token is the bot token the benchmarks give the fake Bot API and the bot:
// long and distinctive, so that a leak into a log is found by grep.
const Token = "424242424:AAE-load_Test_token_0123456789"

// Forwards are messages people forward, written for this benchmark: scams
// of several kinds in both languages, and ordinary messages.
var Forwards = []string{
	"This is the Chinese consulate. A parcel in your name holds fake passports; the police will arrest you unless you transfer a deposit to the safe account today. Do not tell anyone.",
	"【海关通知】您有一个包裹涉嫌走私，请立即联系王警官，把资金转入安全账户配合调查，不要告诉家人。",
	"Hi Mum, I dropped my phone in the toilet, this is my new number. Can you pay a bill for me today? I'll pay you back tomorrow.",
	"妈，我手机坏了，这是我新号码。急用钱，先转5000到这个账户，明天还你。",
	"Royal Mail: your parcel could not be delivered. Pay the £1.99 redelivery fee at royalmail-redeliver-uk.com within 24 hours.",
	"兼职刷单，日结300-800元，动动手指就能赚钱，加微信 vx8899 了解。",
	"Your bank account has been locked due to suspicious activity. Verify now at secure-bank-verify.net or it will be closed.",
	"亲爱的，我在海外投资平台赚了很多，带你一起投资，保证收益翻倍，先充值一万试试。",
	"Reminder: your dentist appointment is on Tuesday at 10:00. Reply C to cancel.",
	"明天下午三点图书馆见，记得带上课本。",
	"Congratulations! You won a £500 gift card. Click the link and enter your card details to claim your prize.",
	"您好，我是京东客服，您开通了百万保障服务，不取消每月扣费，需要您下载会议软件共享屏幕操作退款。",
}

// Person is one simulated person.
type Person struct {
	User tgbotapi.User
	// Keyboard is the bot's last message to them with a keyboard, as
	// FindKeyboards last saw it; nil when there was none.
	Keyboard *tgbotapi.Message
}

// NewPeople makes n people, numbered from first; every other one writes
// in Chinese.
func NewPeople(first, n int) []*Person {
	ps := make([]*Person, n)
	for i := range ps {
		lang := "en"
		if i%2 == 1 {
			lang = "zh-hans"
		}
		ps[i] = &Person{User: telegramtest.User(int64(7_000_000+first+i), lang)}
	}
	return ps
}

// Updates builds round n's updates, one per person, with ids from tg and
// not queued: a forwarded message each, or with press a press on a button
// of the person's keyboard (a forward for someone without one). The
// messages and buttons differ from person to person and round to round.
func Updates(tg *telegramtest.Server, people []*Person, n int, press bool) []tgbotapi.Update {
	updates := make([]tgbotapi.Update, len(people))
	for i, p := range people {
		if kb := p.Keyboard; press && kb != nil && kb.ReplyMarkup != nil && len(kb.ReplyMarkup.InlineKeyboard) > 0 {
			rows := kb.ReplyMarkup.InlineKeyboard
			btn := rows[(i+n)%len(rows)][0]
			updates[i] = tg.NewPress(p.User, *kb, *btn.CallbackData)
			continue
		}
		u := tg.NewText(p.User, Forwards[(i+n)%len(Forwards)])
		u.Message.ForwardSenderName, u.Message.ForwardDate = "Unknown sender", int(time.Now().Unix())-60
		updates[i] = u
	}
	return updates
}

// FindKeyboards sets each person's Keyboard to the last message the bot
// sent them with one (telegramtest's LastKeyboard, which Lean mode keeps).
func FindKeyboards(tg *telegramtest.Server, people []*Person) {
	for _, p := range people {
		p.Keyboard = nil
		if m, ok := tg.LastKeyboard(p.User.ID); ok {
			p.Keyboard = &m
		}
	}
}

// Percentile is the p-th quantile (0..1) of sorted samples, by nearest
// rank below.
func Percentile(sorted []time.Duration, p float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	return sorted[int(p*float64(len(sorted)-1))]
}

// Ms is d in milliseconds.
func Ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// LoadAvg is /proc/loadavg's first three fields: the machine is shared,
// and every figure should be read next to it.
func LoadAvg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return "unknown"
	}
	return strings.Join(f[:3], " ")
}

// SelfCPU is the CPU time (user and system) this process has used.
func SelfCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// clockTick is the unit of /proc/<pid>/stat's CPU times: USER_HZ, 100 on
// every Linux architecture Go runs on.
const clockTick = 10 * time.Millisecond

// ProcCPU is the CPU time (user and system, all threads) process pid has
// used, from /proc/<pid>/stat, in steps of 10 ms.
func ProcCPU(pid int) (time.Duration, error) {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return 0, fmt.Errorf("process CPU: %w", err)
	}
	// The command name (field 2) may hold spaces; the fields after its
	// closing parenthesis are fixed: utime and stime are the 12th and 13th.
	s := string(b)
	f := strings.Fields(s[strings.LastIndexByte(s, ')')+1:])
	if len(f) < 13 {
		return 0, fmt.Errorf("process CPU: /proc/%d/stat has %d fields after the name", pid, len(f))
	}
	var ticks int64
	for _, v := range f[11:13] {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			return 0, fmt.Errorf("process CPU: %w", err)
		}
		ticks += n
	}
	return time.Duration(ticks) * clockTick, nil
}

// ProcRSS is process pid's resident set (VmRSS) in bytes.
func ProcRSS(pid int) (uint64, error) {
	f, err := os.Open("/proc/" + strconv.Itoa(pid) + "/status")
	if err != nil {
		return 0, fmt.Errorf("process RSS: %w", err)
	}
	defer f.Close()
	s := bufio.NewScanner(f)
	for s.Scan() {
		if rest, ok := strings.CutPrefix(s.Text(), "VmRSS:"); ok {
			kb, err := strconv.ParseUint(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			if err != nil {
				return 0, fmt.Errorf("process RSS: %w", err)
			}
			return kb << 10, nil
		}
	}
	return 0, fmt.Errorf("process RSS: no VmRSS in /proc/%d/status", pid)
}

// RedisCPU is the CPU time redis-server has used (INFO cpu: user and
// system, all its threads).
func RedisCPU(tb testing.TB, rc *redis.Client) time.Duration {
	tb.Helper()
	info, err := rc.InfoMap(context.Background(), "cpu").Result()
	if err != nil {
		tb.Fatalf("INFO cpu: %v", err)
	}
	var total float64
	for _, k := range []string{"used_cpu_sys", "used_cpu_user"} {
		v, err := strconv.ParseFloat(info["CPU"][k], 64)
		if err != nil {
			tb.Fatalf("INFO cpu %s: %v", k, err)
		}
		total += v
	}
	return time.Duration(total * float64(time.Second))
}

// UsedMemory is INFO memory's used_memory: every byte Redis's allocator
// holds for data, keys, expiry tables and client buffers.
func UsedMemory(tb testing.TB, rc *redis.Client) int64 {
	tb.Helper()
	info, err := rc.InfoMap(context.Background(), "memory").Result()
	if err != nil {
		tb.Fatalf("INFO memory: %v", err)
	}
	v, err := strconv.ParseInt(info["Memory"]["used_memory"], 10, 64)
	if err != nil {
		tb.Fatalf("INFO memory used_memory: %v", err)
	}
	return v
}

// KeyUse is the number of keys of one shape and their MEMORY USAGE (key,
// value and Redis's overhead for them, not counting the allocator's
// fragmentation).
type KeyUse struct {
	N     int
	Bytes int64
}

// Mean is the mean MEMORY USAGE of one key.
func (k KeyUse) Mean() float64 {
	if k.N == 0 {
		return 0
	}
	return float64(k.Bytes) / float64(k.N)
}

// SessionShape is the shape (see KeyUsage) of a session key.
const SessionShape = store.DefaultPrefix + "u:{…}:s"

// KeyUsage sums MEMORY USAGE over every key, by shape: the key with its
// hash tag written {…} and runs of digits #, e.g. scamcheck:u:{…}:s for
// sessions and scamcheck:u:{…}:up:tg:#:# for handled-update marks.
func KeyUsage(tb testing.TB, rc *redis.Client) map[string]KeyUse {
	tb.Helper()
	ctx := context.Background()
	out := map[string]KeyUse{}
	var cursor uint64
	for {
		keys, next, err := rc.Scan(ctx, cursor, "*", 1000).Result()
		if err != nil {
			tb.Fatalf("SCAN: %v", err)
		}
		cmds, err := rc.Pipelined(ctx, func(p redis.Pipeliner) error {
			for _, k := range keys {
				p.MemoryUsage(ctx, k, 0)
			}
			return nil
		})
		if err != nil && err != redis.Nil { // a key may expire between SCAN and MEMORY USAGE
			tb.Fatalf("MEMORY USAGE: %v", err)
		}
		for i, c := range cmds {
			n, err := c.(*redis.IntCmd).Result()
			if err != nil {
				continue
			}
			sh := keyShape(keys[i])
			u := out[sh]
			u.N++
			u.Bytes += n
			out[sh] = u
		}
		if cursor = next; cursor == 0 {
			return out
		}
	}
}

var (
	hashTag = regexp.MustCompile(`\{[^}]*\}`)
	digits  = regexp.MustCompile(`[0-9]+`)
)

func keyShape(k string) string {
	return digits.ReplaceAllString(hashTag.ReplaceAllString(k, "{…}"), "#")
}

// DescribeKeys lists use by shape, the biggest first.
func DescribeKeys(use map[string]KeyUse) string {
	shapes := make([]string, 0, len(use))
	for sh := range use {
		shapes = append(shapes, sh)
	}
	slices.SortFunc(shapes, func(a, b string) int { return cmp.Compare(use[b].Bytes, use[a].Bytes) })
	var parts []string
	for _, sh := range shapes {
		parts = append(parts, fmt.Sprintf("%d× %s at %.0f bytes", use[sh].N, sh, use[sh].Mean()))
	}
	return strings.Join(parts, ", ")
}
