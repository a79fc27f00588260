/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.autoconfigure.endpoint;

import dev.breaker.autoconfigure.endpoint.BreakersEndpoint.BreakerDescriptor;

import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.annotation.EndpointWebExtension;

/**
 * The web side of {@link BreakersEndpoint}: a manual transition of an unknown breaker is
 * a 404 over HTTP (a write answering {@code null} would otherwise be a 204).
 */
@EndpointWebExtension(endpoint = BreakersEndpoint.class)
public class BreakersEndpointWebExtension {

	private final BreakersEndpoint delegate;

	/**
	 * Create the extension of the given endpoint.
	 * @param delegate the endpoint that does the work
	 */
	public BreakersEndpointWebExtension(BreakersEndpoint delegate) {
		this.delegate = delegate;
	}

	@WriteOperation
	public WebEndpointResponse<BreakerDescriptor> transition(@Selector String name, String state) {
		BreakerDescriptor breaker = this.delegate.transition(name, state);
		return (breaker != null) ? new WebEndpointResponse<>(breaker, WebEndpointResponse.STATUS_OK)
				: new WebEndpointResponse<>(WebEndpointResponse.STATUS_NOT_FOUND);
	}

}
