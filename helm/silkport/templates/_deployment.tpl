{{/*
One Deployment of the silkport binary; api and worker differ only in arguments and values.
Usage:
  include "silkport.deployment" (dict "ctx" $ "component" "api" "values" .Values.api
                                      "args" (list "serve" "--no-workers"))
*/}}
{{- define "silkport.deployment" -}}
{{- $ := .ctx -}}
{{- $v := .values -}}
{{- $sel := dict "ctx" $ "component" .component -}}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "silkport.componentName" $sel }}
  namespace: {{ $.Release.Namespace }}
  labels:
    {{- include "silkport.componentLabels" $sel | nindent 4 }}
spec:
  {{- if not $v.autoscaling.enabled }}
  replicas: {{ $v.replicaCount }}
  {{- end }}
  revisionHistoryLimit: 5
  strategy:
    {{- toYaml $v.strategy | nindent 4 }}
  selector:
    matchLabels:
      {{- include "silkport.componentSelectorLabels" $sel | nindent 6 }}
  template:
    metadata:
      labels:
        {{- include "silkport.componentLabels" $sel | nindent 8 }}
        {{- with $v.podLabels }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
      annotations:
        checksum/config: {{ include (print $.Template.BasePath "/configmap.yaml") $ | sha256sum }}
        {{- with include "silkport.metricsAnnotations" $ }}
        {{- . | nindent 8 }}
        {{- end }}
        {{- with $v.podAnnotations }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
    spec:
      serviceAccountName: {{ include "silkport.serviceAccountName" $ }}
      automountServiceAccountToken: {{ $.Values.serviceAccount.automountToken }}
      # No SERVICE_HOST/PORT variables: a Service named "silkport" would otherwise inject
      # SILKPORT_* variables that collide with the binary's own settings.
      enableServiceLinks: false
      {{- with $.Values.imagePullSecrets }}
      imagePullSecrets:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with $v.priorityClassName }}
      priorityClassName: {{ . | quote }}
      {{- end }}
      terminationGracePeriodSeconds: {{ $v.terminationGracePeriodSeconds }}
      securityContext:
        {{- toYaml $.Values.podSecurityContext | nindent 8 }}
      containers:
        - name: {{ .component }}
          image: {{ include "silkport.image" $ | quote }}
          imagePullPolicy: {{ $.Values.image.pullPolicy }}
          args:
            {{- toYaml (concat .args $v.extraArgs) | nindent 12 }}
          ports:
            - name: http
              containerPort: 8080
              protocol: TCP
          envFrom:
            - configMapRef:
                name: {{ include "silkport.configMapName" $ }}
          env:
            {{- include "silkport.secretEnv" (dict "ctx" $ "names" (list "DATABASE_URL" "REDIS_URL" "SMTP_URL")) | trim | nindent 12 }}
            {{- with $v.extraEnv }}
            {{- toYaml . | nindent 12 }}
            {{- end }}
          startupProbe:
            httpGet:
              path: /healthz
              port: http
            periodSeconds: {{ $v.startupProbe.periodSeconds }}
            timeoutSeconds: {{ $v.startupProbe.timeoutSeconds }}
            failureThreshold: {{ $v.startupProbe.failureThreshold }}
          livenessProbe:
            httpGet:
              path: /healthz
              port: http
            periodSeconds: {{ $v.livenessProbe.periodSeconds }}
            timeoutSeconds: {{ $v.livenessProbe.timeoutSeconds }}
            failureThreshold: {{ $v.livenessProbe.failureThreshold }}
          readinessProbe:
            httpGet:
              path: /readyz
              port: http
            periodSeconds: {{ $v.readinessProbe.periodSeconds }}
            timeoutSeconds: {{ $v.readinessProbe.timeoutSeconds }}
            failureThreshold: {{ $v.readinessProbe.failureThreshold }}
          {{- if gt (int $v.preStopSleepSeconds) 0 }}
          lifecycle:
            preStop:
              exec:
                command: ["sleep", "{{ $v.preStopSleepSeconds }}"]
          {{- end }}
          resources:
            {{- toYaml $v.resources | nindent 12 }}
          securityContext:
            {{- toYaml $.Values.securityContext | nindent 12 }}
          volumeMounts:
            - name: signing-keys
              mountPath: {{ $.Values.secrets.signingKeys.mountPath }}
              readOnly: true
            - name: tmp
              mountPath: /tmp
            - name: data
              mountPath: {{ include "silkport.dataDir" $ }}
      volumes:
        - name: signing-keys
          secret:
            secretName: {{ required "secrets.signingKeys.existingSecret is required: the Secret of Ed25519 *.pem signing keys" $.Values.secrets.signingKeys.existingSecret | quote }}
            # 0440: readable by the pod's fsGroup, not by others.
            defaultMode: 288
        - name: tmp
          emptyDir:
            sizeLimit: {{ $.Values.scratchSizeLimit }}
        - name: data
          emptyDir:
            sizeLimit: {{ $.Values.scratchSizeLimit }}
      {{- with $v.nodeSelector }}
      nodeSelector:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with $v.affinity }}
      affinity:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with $v.tolerations }}
      tolerations:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with $v.topologySpreadConstraints }}
      topologySpreadConstraints:
        {{- toYaml . | nindent 8 }}
      {{- end }}
{{- end }}
