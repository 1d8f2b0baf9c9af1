{{/* Names: <release>-rehearsal unless the release name already says rehearsal. */}}
{{- define "rehearsal.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "rehearsal.fullname" -}}
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

{{/* A component's object name: <fullname>-<component>. Call with (dict "root" $ "component" "x"). */}}
{{- define "rehearsal.component" -}}
{{- printf "%s-%s" (include "rehearsal.fullname" .root) .component | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "rehearsal.selectorLabels" -}}
app.kubernetes.io/name: {{ include "rehearsal.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end }}

{{- define "rehearsal.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version | replace "+" "_" }}
{{ include "rehearsal.selectorLabels" . }}
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/part-of: rehearsal
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
{{- end }}

{{/* Every pod of this release, whatever its component (for NetworkPolicy sources). */}}
{{- define "rehearsal.releasePods" -}}
app.kubernetes.io/name: {{ include "rehearsal.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/* An image reference. Call with (dict "root" $ "image" .Values.x.image). */}}
{{- define "rehearsal.image" -}}
{{- $tag := default .root.Chart.AppVersion (default .root.Values.image.tag .image.tag) }}
{{- if .root.Values.image.registry }}
{{- printf "%s/%s:%s" .root.Values.image.registry .image.repository $tag }}
{{- else }}
{{- printf "%s:%s" .image.repository $tag }}
{{- end }}
{{- end }}

{{/* The Secret with the gateway's keys. */}}
{{- define "rehearsal.secretName" -}}
{{- default (include "rehearsal.component" (dict "root" . "component" "secrets")) .Values.secrets.existingSecret }}
{{- end }}

{{/* Redis: where it is, whether TLS, and the Secret with its password. */}}
{{- define "rehearsal.redis.bundledHost" -}}
{{- include "rehearsal.component" (dict "root" . "component" "redis") }}
{{- end }}

{{- define "rehearsal.redis.scheme" -}}
{{- if eq .Values.redis.mode "external" }}{{ (urlParse .Values.redis.url).scheme }}{{ else }}redis{{ end }}
{{- end }}

{{/* host:port of Redis, as KEDA's address wants it. */}}
{{- define "rehearsal.redis.address" -}}
{{- if eq .Values.redis.mode "external" }}
{{- $u := urlParse .Values.redis.url }}
{{- if contains ":" $u.host }}{{ $u.host }}{{ else }}{{ printf "%s:6379" $u.host }}{{ end }}
{{- else }}
{{- printf "%s:%d" (include "rehearsal.redis.bundledHost" .) (int .Values.redis.bundled.port) }}
{{- end }}
{{- end }}

{{- define "rehearsal.redis.tls" -}}
{{- if eq (include "rehearsal.redis.scheme" .) "rediss" }}true{{ else }}false{{ end }}
{{- end }}

{{/* The Secret and key holding the Redis password; empty name: no password. */}}
{{- define "rehearsal.redis.passwordSecret" -}}
{{- if eq .Values.redis.mode "external" }}
{{- .Values.redis.external.auth.existingSecret }}
{{- else }}
{{- default (include "rehearsal.component" (dict "root" . "component" "redis")) .Values.redis.bundled.auth.existingSecret }}
{{- end }}
{{- end }}

{{- define "rehearsal.redis.passwordKey" -}}
{{- if eq .Values.redis.mode "external" }}{{ .Values.redis.external.auth.passwordKey }}{{ else }}{{ .Values.redis.bundled.auth.passwordKey }}{{ end }}
{{- end }}

{{- define "rehearsal.redis.usernameKey" -}}
{{- if eq .Values.redis.mode "external" }}{{ .Values.redis.external.auth.usernameKey }}{{ end }}
{{- end }}

{{/* The job stream of the sandbox workers: the store's key layout (Keys.java), prefix "rehearsal:". */}}
{{- define "rehearsal.sandbox.stream" -}}
{{- printf "rehearsal:{jobs:%s}:stream" .Values.sandbox.workers.queue }}
{{- end }}

{{/* keda, hpa or none: how the sandbox workers scale. */}}
{{- define "rehearsal.sandbox.scaler" -}}
{{- $a := .Values.sandbox.autoscaling }}
{{- if not $a.enabled }}none
{{- else if eq $a.mode "keda" }}keda
{{- else if eq $a.mode "hpa" }}hpa
{{- else if .Capabilities.APIVersions.Has "keda.sh/v1alpha1/ScaledObject" }}keda
{{- else }}hpa
{{- end }}
{{- end }}

{{/*
Environment every service gets: Redis (the URL is assembled from the password's variable, so the
password stays in its Secret), JVM options, logs. Call with the root context.
*/}}
{{- define "rehearsal.commonEnv" -}}
{{- $secret := include "rehearsal.redis.passwordSecret" . }}
{{- $userKey := include "rehearsal.redis.usernameKey" . }}
{{- $auth := "" }}
{{- if $userKey }}
- name: REHEARSAL_REDIS_USERNAME
  valueFrom:
    secretKeyRef:
      name: {{ $secret }}
      key: {{ $userKey }}
{{- $auth = "$(REHEARSAL_REDIS_USERNAME):$(REHEARSAL_REDIS_PASSWORD)@" }}
{{- end }}
{{- if $secret }}
- name: REHEARSAL_REDIS_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ $secret }}
      key: {{ include "rehearsal.redis.passwordKey" . }}
{{- if not $userKey }}{{ $auth = ":$(REHEARSAL_REDIS_PASSWORD)@" }}{{ end }}
{{- end }}
- name: REHEARSAL_REDIS_URL
  value: {{ printf "%s://%s%s" (include "rehearsal.redis.scheme" .) $auth (include "rehearsal.redis.address" .) | quote }}
{{- $javaOpts := .Values.jvmOptions }}
{{- if and (eq .Values.redis.mode "external") .Values.redis.external.tls.caSecret }}
- name: REHEARSAL_TRUSTSTORE_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ .Values.redis.external.tls.caSecret }}
      key: {{ .Values.redis.external.tls.truststorePasswordKey }}
{{- $javaOpts = printf "%s -Djavax.net.ssl.trustStore=/etc/rehearsal/redis-tls/truststore.p12 -Djavax.net.ssl.trustStoreType=PKCS12 -Djavax.net.ssl.trustStorePassword=$(REHEARSAL_TRUSTSTORE_PASSWORD)" $javaOpts }}
{{- end }}
- name: JAVA_TOOL_OPTIONS
  value: {{ $javaOpts | quote }}
# The audit chain's HMAC key (base64): every process writing to one Redis must hold the same key.
- name: REHEARSAL_REDIS_AUDIT_KEY
  valueFrom:
    secretKeyRef:
      name: {{ include "rehearsal.secretName" . }}
      key: {{ .Values.secrets.keys.auditHmacKey }}
- name: REHEARSAL_LOG_JSON
  value: {{ .Values.jsonLogs | quote }}
{{- end }}

{{/* Volumes every service mounts: /tmp, and the Redis CA when set. */}}
{{- define "rehearsal.commonVolumes" -}}
- name: tmp
  emptyDir:
    sizeLimit: {{ .Values.tmpSizeLimit }}
{{- if and (eq .Values.redis.mode "external") .Values.redis.external.tls.caSecret }}
- name: redis-tls
  secret:
    secretName: {{ .Values.redis.external.tls.caSecret }}
{{- end }}
{{- end }}

{{- define "rehearsal.commonMounts" -}}
- name: tmp
  mountPath: /tmp
{{- if and (eq .Values.redis.mode "external") .Values.redis.external.tls.caSecret }}
- name: redis-tls
  mountPath: /etc/rehearsal/redis-tls
  readOnly: true
{{- end }}
{{- end }}

{{/* Ports and probes of a Quarkus service. Call with (dict "root" $ "ports" .Values.x.ports). */}}
{{- define "rehearsal.containerPorts" -}}
- name: http
  containerPort: {{ .ports.http }}
  protocol: TCP
{{- if ne (int .ports.grpc) (int .ports.http) }}
- name: grpc
  containerPort: {{ .ports.grpc }}
  protocol: TCP
{{- end }}
{{- if .tls }}
- name: https
  containerPort: {{ .ports.https }}
  protocol: TCP
{{- end }}
{{- if .ports.management }}
- name: management
  containerPort: {{ .ports.management }}
  protocol: TCP
{{- end }}
{{- end }}

{{/* The named port of health and metrics: the management interface when the service has one. */}}
{{- define "rehearsal.healthPort" -}}
{{- if .management }}management{{ else }}http{{ end }}
{{- end }}

{{/* Its number. */}}
{{- define "rehearsal.healthPortNumber" -}}
{{- if .management }}{{ .management }}{{ else }}{{ .http }}{{ end }}
{{- end }}

{{- define "rehearsal.probes" -}}
{{- $p := .root.Values.probes }}
{{- $port := include "rehearsal.healthPort" .ports }}
startupProbe:
  httpGet:
    path: /q/health/started
    port: {{ $port }}
  periodSeconds: {{ $p.startup.periodSeconds }}
  failureThreshold: {{ $p.startup.failureThreshold }}
livenessProbe:
  httpGet:
    path: /q/health/live
    port: {{ $port }}
  periodSeconds: {{ $p.liveness.periodSeconds }}
  failureThreshold: {{ $p.liveness.failureThreshold }}
  timeoutSeconds: {{ $p.liveness.timeoutSeconds }}
readinessProbe:
  httpGet:
    path: /q/health/ready
    port: {{ $port }}
  periodSeconds: {{ $p.readiness.periodSeconds }}
  failureThreshold: {{ $p.readiness.failureThreshold }}
  timeoutSeconds: {{ $p.readiness.timeoutSeconds }}
{{- end }}

{{/* The target port of a Service's grpc port: the container's grpc port, or http when shared. */}}
{{- define "rehearsal.grpcTarget" -}}
{{- if eq (int .grpc) (int .http) }}http{{ else }}grpc{{ end }}
{{- end }}

{{/*
A secret value the operator must give. Install and upgrade fail with the message when it is
empty; other renders (helm lint) use a placeholder, so the chart lints on its own values.
Call with (list $ value message).
*/}}
{{- define "rehearsal.requiredSecret" -}}
{{- $root := index . 0 }}
{{- if or $root.Release.IsInstall $root.Release.IsUpgrade }}
{{- required (index . 2) (index . 1) }}
{{- else }}
{{- default "lint-placeholder" (index . 1) }}
{{- end }}
{{- end }}
