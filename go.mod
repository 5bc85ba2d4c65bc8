module github.com/slamath/slamath

go 1.24

require (
	github.com/google/go-cmp v0.7.0
	github.com/stretchr/testify v1.12.1
	// Read by sla/openslo only; no other package may import it.
	go.yaml.in/yaml/v3 v3.0.5
)
