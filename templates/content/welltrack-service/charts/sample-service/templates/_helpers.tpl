{{/*
Name of the chart, overridable with nameOverride.
*/}}
{{- define "sample-service.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Fully qualified name of the release's objects. The release name alone when it already contains the chart name
(an Argo CD Application named "sample-service" gives "sample-service"). Truncated to 63 characters, the
limit of DNS labels.
*/}}
{{- define "sample-service.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/*
Chart name and version, for the helm.sh/chart label.
*/}}
{{- define "sample-service.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Version of what runs: the image tag (updated by CI), else the chart's appVersion; made a valid label value.
*/}}
{{- define "sample-service.version" -}}
{{- default .Chart.AppVersion .Values.image.tag | toString | trunc 63 | trimAll "-_." }}
{{- end }}

{{/*
Common labels, on every object.
*/}}
{{- define "sample-service.labels" -}}
helm.sh/chart: {{ include "sample-service.chart" . }}
{{ include "sample-service.selectorLabels" . }}
app.kubernetes.io/version: {{ include "sample-service.version" . | quote }}
app.kubernetes.io/component: service
app.kubernetes.io/part-of: welltrack
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{/*
Selector labels: name and instance only, because a Deployment's selector cannot change after creation.
*/}}
{{- define "sample-service.selectorLabels" -}}
app.kubernetes.io/name: {{ include "sample-service.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/*
Name of the ServiceAccount the pods run as.
*/}}
{{- define "sample-service.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "sample-service.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/*
Image reference: repository@digest when a digest is pinned, else repository:tag (tag defaulting to appVersion).
*/}}
{{- define "sample-service.image" -}}
{{- if .Values.image.digest }}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest }}
{{- else }}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag | toString) }}
{{- end }}
{{- end }}

{{/*
The Vault-backed secrets this chart declares, keyed by the suffix of their ExternalSecret's name. The
ExternalSecret template and the Deployment's envFrom both range over this.
*/}}
{{- define "sample-service.secretSources" -}}
{{- toYaml (dict "app" .Values.appSecrets) }}
{{- end }}

{{/*
<fullname>-<suffix>, the full name shortened so that the whole stays within 63 characters.
Called with (dict "root" $ "suffix" "...").
*/}}
{{- define "sample-service.suffixedName" -}}
{{- printf "%s-%s" (include "sample-service.fullname" .root | trunc (int (sub 62 (len .suffix))) | trimSuffix "-") .suffix }}
{{- end }}

{{/*
Name of the Secret an ExternalSecret creates: its targetName, else <fullname>-<suffix>.
Called with (dict "root" $ "suffix" "app" "spec" .Values.appSecrets).
*/}}
{{- define "sample-service.secretTargetName" -}}
{{- default (include "sample-service.suffixedName" .) .spec.targetName }}
{{- end }}
