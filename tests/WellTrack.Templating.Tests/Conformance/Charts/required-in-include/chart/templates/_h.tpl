{{- define "req" }}{{ required "inner required" .x }}{{ end }}
