package io.cloister.component.runtime;

import io.cloister.component.binary.ValidatedComponent;

/** A nested component definition, with the scope its outer aliases refer to. */
record ComponentDefinition(ValidatedComponent body, InstanceBuilder enclosing)
    implements ExternValue {}
