{{- define "db.fullname" -}}{{ .Release.Name }}-{{ .Chart.Name }}{{- end -}}
