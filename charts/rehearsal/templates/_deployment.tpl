{{/*
The Deployment of one Quarkus service. Call with a dict:
  root       the root context
  component  detector | sandbox | gateway
  svc        .Values.<component>
  replicas   false when an autoscaler owns the replica count
  env        extra environment entries (a list of maps)
  volumes    extra volumes (a list of maps)
  mounts     extra volume mounts (a list of maps)
  checksum   a checksum annotation value (text), or ""
*/}}
{{- define "rehearsal.deployment" -}}
{{- $root := .root }}
{{- $svc := .svc }}
{{- $ctx := dict "root" $root "component" .component }}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "rehearsal.component" $ctx }}
  labels:
    {{- include "rehearsal.labels" $ctx | nindent 4 }}
spec:
  {{- if .replicas }}
  replicas: {{ $svc.replicas }}
  {{- end }}
  revisionHistoryLimit: 5
  strategy:
    type: RollingUpdate
    rollingUpdate:
      maxSurge: 1
      maxUnavailable: 0
  selector:
    matchLabels:
      {{- include "rehearsal.selectorLabels" $ctx | nindent 6 }}
  template:
    metadata:
      labels:
        {{- include "rehearsal.labels" $ctx | nindent 8 }}
      {{- if .checksum }}
      annotations:
        checksum/config: {{ .checksum }}
      {{- end }}
    spec:
      {{- with $root.Values.imagePullSecrets }}
      imagePullSecrets:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      automountServiceAccountToken: false
      securityContext:
        {{- toYaml $root.Values.podSecurityContext | nindent 8 }}
      terminationGracePeriodSeconds: 30
      containers:
        - name: {{ .component }}
          image: {{ include "rehearsal.image" (dict "root" $root "image" $svc.image) }}
          imagePullPolicy: {{ $root.Values.image.pullPolicy }}
          securityContext:
            {{- toYaml $root.Values.containerSecurityContext | nindent 12 }}
          ports:
            {{- include "rehearsal.containerPorts" (dict "ports" $svc.ports "tls" (and (hasKey $svc "auth") $svc.auth.tls.secretName)) | trim | nindent 12 }}
          env:
            - name: QUARKUS_HTTP_PORT
              value: {{ $svc.ports.http | quote }}
            {{- if ne (int $svc.ports.grpc) (int $svc.ports.http) }}
            - name: QUARKUS_GRPC_SERVER_PORT
              value: {{ $svc.ports.grpc | quote }}
            {{- end }}
            {{- if and (hasKey $svc "auth") $svc.auth.tls.secretName }}
            - name: QUARKUS_HTTP_SSL_PORT
              value: {{ $svc.ports.https | quote }}
            {{- end }}
            {{- if $svc.ports.management }}
            - name: QUARKUS_MANAGEMENT_PORT
              value: {{ $svc.ports.management | quote }}
            {{- end }}
            {{- include "rehearsal.commonEnv" $root | trim | nindent 12 }}
            {{- with .env }}
            {{- toYaml . | nindent 12 }}
            {{- end }}
            {{- with $svc.env }}
            {{- toYaml . | nindent 12 }}
            {{- end }}
          {{- include "rehearsal.probes" (dict "root" $root "ports" $svc.ports) | trim | nindent 10 }}
          resources:
            {{- toYaml $svc.resources | nindent 12 }}
          volumeMounts:
            {{- include "rehearsal.commonMounts" $root | trim | nindent 12 }}
            {{- with .mounts }}
            {{- toYaml . | nindent 12 }}
            {{- end }}
      volumes:
        {{- include "rehearsal.commonVolumes" $root | trim | nindent 8 }}
        {{- with .volumes }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
      {{- with $svc.nodeSelector }}
      nodeSelector:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with $svc.tolerations }}
      tolerations:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- if $svc.affinity }}
      affinity:
        {{- toYaml $svc.affinity | nindent 8 }}
      {{- else }}
      # Spread replicas over nodes, so one node's loss leaves the others serving.
      topologySpreadConstraints:
        - maxSkew: 1
          topologyKey: kubernetes.io/hostname
          whenUnsatisfiable: ScheduleAnyway
          labelSelector:
            matchLabels:
              {{- include "rehearsal.selectorLabels" $ctx | nindent 14 }}
      {{- end }}
{{- end }}

{{/* The Service of one Quarkus service: http, grpc and management ports. Same dict as above. */}}
{{- define "rehearsal.service" -}}
{{- $ctx := dict "root" .root "component" .component }}
apiVersion: v1
kind: Service
metadata:
  name: {{ include "rehearsal.component" $ctx }}
  labels:
    {{- include "rehearsal.labels" $ctx | nindent 4 }}
spec:
  type: {{ .svc.service.type }}
  selector:
    {{- include "rehearsal.selectorLabels" $ctx | nindent 4 }}
  ports:
    - name: http
      port: {{ .svc.ports.http }}
      targetPort: http
      protocol: TCP
    {{- if ne (int .svc.ports.grpc) (int .svc.ports.http) }}
    - name: grpc
      port: {{ .svc.ports.grpc }}
      targetPort: grpc
      protocol: TCP
      appProtocol: grpc
    {{- end }}
    {{- if and (hasKey .svc "auth") .svc.auth.tls.secretName }}
    - name: https
      port: {{ .svc.ports.https }}
      targetPort: https
      protocol: TCP
    {{- end }}
    {{- if .svc.ports.management }}
    - name: management
      port: {{ .svc.ports.management }}
      targetPort: management
      protocol: TCP
    {{- end }}
{{- end }}

{{/*
The PodDisruptionBudget of one service, when enabled and the service runs at least two pods: a
budget of one pod out of one would block every node drain. Same dict as above, plus "pods", the
fewest pods the service runs.
*/}}
{{- define "rehearsal.pdb" -}}
{{- if and .svc.pdb.enabled (ge (int .pods) 2) }}
{{- $ctx := dict "root" .root "component" .component }}
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: {{ include "rehearsal.component" $ctx }}
  labels:
    {{- include "rehearsal.labels" $ctx | nindent 4 }}
spec:
  minAvailable: {{ .svc.pdb.minAvailable }}
  selector:
    matchLabels:
      {{- include "rehearsal.selectorLabels" $ctx | nindent 6 }}
{{- end }}
{{- end }}
