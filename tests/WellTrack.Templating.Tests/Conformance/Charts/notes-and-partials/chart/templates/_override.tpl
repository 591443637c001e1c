{{- define "demo.name" -}}second{{- end }}
