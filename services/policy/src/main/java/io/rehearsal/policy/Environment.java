package io.rehearsal.policy;

/** Where a remediation would run; rules see it as the string {@code remediation.environment}. */
public enum Environment {
  DEVELOPMENT,
  STAGING,
  PRODUCTION
}
