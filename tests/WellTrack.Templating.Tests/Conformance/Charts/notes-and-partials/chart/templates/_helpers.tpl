{{- define "demo.name" -}}first{{- end }}
kind: ThisIsNotRendered
