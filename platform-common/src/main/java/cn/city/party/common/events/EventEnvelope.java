package cn.city.party.common.events;

import tools.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * A CloudEvents 1.0 event in structured JSON mode, the one shape of every message on the platform's topics.
 *
 * @param specversion     always {@code 1.0}
 * @param id              unique per event; consumers use it to apply each event once
 * @param source          the producing service, e.g. {@code /party/org-service}
 * @param type            versioned event type, e.g. {@code party.org.department.registered.v1}
 * @param subject         the aggregate id; also the Kafka record key, so one aggregate's events stay in order
 * @param time            when the fact happened (UTC)
 * @param datacontenttype always {@code application/json}
 * @param dataschema      the JSON Schema of {@code data}, {@code urn:party-platform:schema:<type>}
 * @param department      extension: the department (tenant) the fact belongs to
 * @param traceid         extension: the request id of the write that raised it, for following a request across services
 * @param data            the event's payload, as documented in its schema
 */
public record EventEnvelope(String specversion, String id, String source, String type, String subject, Instant time,
                            String datacontenttype, String dataschema, String department, String traceid,
                            JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";
}
