{{/*
Chart name, truncated to 63 characters (the DNS label limit).
*/}}
{{- define "silkport.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Full name: "<release>-<chart>", or "<release>" when the release name already contains the
chart name; fullnameOverride wins.
*/}}
{{- define "silkport.fullname" -}}
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
Name of one component's resources: "<fullname>-<component>".
Usage: include "silkport.componentName" (dict "ctx" $ "component" "api")
*/}}
{{- define "silkport.componentName" -}}
{{- printf "%s-%s" (include "silkport.fullname" .ctx | trunc 50 | trimSuffix "-") .component }}
{{- end }}

{{/*
Chart label value: "<name>-<version>".
*/}}
{{- define "silkport.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Selector labels: stable for the life of a release (never add a changing value here).
*/}}
{{- define "silkport.selectorLabels" -}}
app.kubernetes.io/name: {{ include "silkport.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/*
Standard labels of every resource.
*/}}
{{- define "silkport.labels" -}}
helm.sh/chart: {{ include "silkport.chart" . }}
{{ include "silkport.selectorLabels" . }}
app.kubernetes.io/version: {{ .Values.image.tag | default .Chart.AppVersion | trunc 63 | trimSuffix "-" | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: silkport
{{- with .Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end }}

{{/*
Selector labels of one component.
Usage: include "silkport.componentSelectorLabels" (dict "ctx" $ "component" "api")
*/}}
{{- define "silkport.componentSelectorLabels" -}}
{{ include "silkport.selectorLabels" .ctx }}
app.kubernetes.io/component: {{ .component }}
{{- end }}

{{/*
Standard labels of one component.
Usage: include "silkport.componentLabels" (dict "ctx" $ "component" "api")
*/}}
{{- define "silkport.componentLabels" -}}
{{ include "silkport.labels" .ctx }}
app.kubernetes.io/component: {{ .component }}
{{- end }}

{{/*
The image reference: repository@digest, or repository:tag (tag defaults to appVersion).
*/}}
{{- define "silkport.image" -}}
{{- if .Values.image.digest }}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest }}
{{- else }}
{{- printf "%s:%s" .Values.image.repository (.Values.image.tag | default .Chart.AppVersion) }}
{{- end }}
{{- end }}

{{/*
ServiceAccount of the API and worker pods.
*/}}
{{- define "silkport.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "silkport.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/*
ServiceAccount of the migration Job. A pre-install hook runs before the chart's own
ServiceAccount exists, so the Job never uses a chart-created one.
*/}}
{{- define "silkport.migrationServiceAccountName" -}}
{{- if .Values.migrations.serviceAccountName }}
{{- .Values.migrations.serviceAccountName }}
{{- else if not .Values.serviceAccount.create }}
{{- default "default" .Values.serviceAccount.name }}
{{- else }}
{{- "default" }}
{{- end }}
{{- end }}

{{/*
External base URL: config.publicUrl, else derived from the first Ingress host, else "".
*/}}
{{- define "silkport.publicUrl" -}}
{{- if .Values.config.publicUrl }}
{{- .Values.config.publicUrl | trimSuffix "/" }}
{{- else if and .Values.ingress.enabled .Values.ingress.hosts }}
{{- $host := (first .Values.ingress.hosts).host }}
{{- $scheme := "http" }}
{{- range .Values.ingress.tls }}
{{- if has $host (.hosts | default list) }}
{{- $scheme = "https" }}
{{- end }}
{{- end }}
{{- printf "%s://%s" $scheme $host }}
{{- end }}
{{- end }}

{{/*
Name of the ConfigMap of non-secret settings.
*/}}
{{- define "silkport.configMapName" -}}
{{- printf "%s-config" (include "silkport.fullname" . | trunc 56 | trimSuffix "-") }}
{{- end }}

{{/*
Writable directory for the binary's data folder (unused in production, but it must exist
on a read-only root filesystem).
*/}}
{{- define "silkport.dataDir" -}}
/var/lib/silkport
{{- end }}

{{/*
Environment variables read from the referenced Secrets, in the order given; a variable
whose reference has an empty existingSecret is left out. DATABASE_URL is required.
Usage: include "silkport.secretEnv" (dict "ctx" $ "names" (list "DATABASE_URL" "REDIS_URL"))
*/}}
{{- define "silkport.secretEnv" -}}
{{- $s := .ctx.Values.secrets }}
{{- $refs := dict "DATABASE_URL" $s.database "DATABASE_MIGRATION_URL" $s.migrationDatabase "REDIS_URL" $s.redis "SMTP_URL" $s.smtp }}
{{- $_ := required "secrets.database.existingSecret is required: the Secret holding DATABASE_URL" $s.database.existingSecret }}
{{- range .names }}
{{- $ref := index $refs . }}
{{- if $ref.existingSecret }}
- name: {{ . }}
  valueFrom:
    secretKeyRef:
      name: {{ $ref.existingSecret | quote }}
      key: {{ $ref.key | quote }}
{{- end }}
{{- end }}
{{- end }}

{{/*
Prometheus scrape annotations of a pod.
*/}}
{{- define "silkport.metricsAnnotations" -}}
{{- if .Values.metrics.podAnnotations -}}
prometheus.io/scrape: "true"
prometheus.io/port: "8080"
prometheus.io/path: /metrics
{{- end }}
{{- end }}
