package main

import (
	"strings"
	"testing"
)

// FuzzRedisOptions: any Redis settings give options or an error that names
// a setting, never a panic, and never repeat a password.
func FuzzRedisOptions(f *testing.F) {
	f.Add("redis://:s3cretpw@127.0.0.1:6379/0", "", "", "")
	f.Add("rediss://user:s3cretpw@h:1/2", "m", "a:1,b:2", "")
	f.Add("", "", "", "a:1,b:2,c:3")
	f.Add("redis://:s3cretpw@x:1/3", "", "", "a:1")
	f.Add("http://s3cretpw@x", "", ",", ",,")
	f.Fuzz(func(t *testing.T, redisURL, master, sentinels, cluster string) {
		opt, err := redisOptions(redisURL, master, sentinels, cluster)
		if err != nil {
			if !strings.Contains(err.Error(), "REDIS_") {
				t.Errorf("error %q names no setting", err)
			}
			if strings.Contains(err.Error(), "s3cretpw") {
				t.Errorf("error %q repeats the password", err)
			}
			return
		}
		if opt == nil {
			if redisURL != "" || cluster != "" || sentinels != "" {
				t.Errorf("settings (%q, %q, %q, %q): got no Redis, want one", redisURL, master, sentinels, cluster)
			}
			return
		}
		if len(opt.Addrs) == 0 {
			t.Errorf("settings (%q, %q, %q, %q): options without an address", redisURL, master, sentinels, cluster)
		}
		if opt.IsClusterMode && opt.MasterName != "" {
			t.Error("both Cluster and Sentinel")
		}
	})
}
