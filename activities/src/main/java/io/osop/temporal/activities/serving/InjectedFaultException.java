package io.osop.temporal.activities.serving;

import java.io.IOException;

/** A failure the local serving settings asked for, to demonstrate and test recovery. */
public class InjectedFaultException extends IOException {

  /** Creates the exception naming the setting that injected it. */
  public InjectedFaultException(String message) {
    super(message);
  }
}
