// Helm v3.16's resolver.HashReq with chart.Dependency's JSON shape (pkg/chart/dependency.go), for test goldens.
package main

import (
	"crypto/sha256"
	"encoding/json"
	"fmt"
)

type Dependency struct {
	Name         string        `json:"name"`
	Version      string        `json:"version,omitempty"`
	Repository   string        `json:"repository"`
	Condition    string        `json:"condition,omitempty"`
	Tags         []string      `json:"tags,omitempty"`
	Enabled      bool          `json:"enabled,omitempty"`
	ImportValues []interface{} `json:"import-values,omitempty"`
	Alias        string        `json:"alias,omitempty"`
}

func hash(req, lock []*Dependency) string {
	data, _ := json.Marshal([2][]*Dependency{req, lock})
	return fmt.Sprintf("sha256:%x", sha256.Sum256(data))
}

func main() {
	// The umbrella fixture, @fixtures resolved to the URL.
	url := "http://127.0.0.1:8080/charts"
	req := []*Dependency{
		{Name: "common", Version: "^1.0.0", Repository: url},
		{Name: "cache", Version: "~2.1.0", Repository: url, Condition: "sessions.enabled", Alias: "sessions"},
	}
	lock := []*Dependency{
		{Name: "common", Version: "1.2.0", Repository: url},
		{Name: "cache", Version: "2.1.3", Repository: url},
	}
	fmt.Println(hash(req, lock))
	// Every field, and characters Go's encoder escapes.
	req2 := []*Dependency{
		{Name: "db<1>", Version: ">=1.0.0 <2.0.0", Repository: "https://charts.example.test/a&b", Condition: "db.enabled,global.db", Tags: []string{"backend", "data"}, Enabled: true,
			ImportValues: []interface{}{"defaults", map[string]interface{}{"parent": "p", "child": "c"}}, Alias: "primary"},
		{Name: "local", Repository: ""},
	}
	lock2 := []*Dependency{
		{Name: "db<1>", Version: "1.4.2", Repository: "https://charts.example.test/a&b"},
		{Name: "local", Repository: ""},
	}
	fmt.Println(hash(req2, lock2))
}
