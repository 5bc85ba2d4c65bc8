// Package sla holds the exact arithmetic of service level objectives.
package sla
