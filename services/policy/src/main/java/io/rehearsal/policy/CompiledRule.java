package io.rehearsal.policy;

import dev.cel.runtime.CelRuntime;

/** A rule with its type-checked CEL program. */
record CompiledRule(PolicyRule rule, CelRuntime.Program program) {}
