package fr.carence.ogc;

/**
 * An error reported to the client as an OWS ExceptionReport: carries the OGC exception code,
 * the locator (the parameter or element at fault) and the HTTP status, as pygeoapi's typed
 * provider errors do. Thrown by any operation; rendered by the service's exception writer.
 */
public class OwsException extends RuntimeException {

    public static final String MISSING_PARAMETER_VALUE = "MissingParameterValue";
    public static final String INVALID_PARAMETER_VALUE = "InvalidParameterValue";
    public static final String OPERATION_NOT_SUPPORTED = "OperationNotSupported";
    public static final String OPTION_NOT_SUPPORTED = "OptionNotSupported";
    public static final String VERSION_NEGOTIATION_FAILED = "VersionNegotiationFailed";
    public static final String NO_APPLICABLE_CODE = "NoApplicableCode";
    public static final String OPERATION_PARSING_FAILED = "OperationParsingFailed";
    public static final String OPERATION_PROCESSING_FAILED = "OperationProcessingFailed";
    /** WMS 1.3.0 codes. */
    public static final String LAYER_NOT_DEFINED = "LayerNotDefined";
    public static final String STYLE_NOT_DEFINED = "StyleNotDefined";
    public static final String INVALID_CRS = "InvalidCRS";
    public static final String INVALID_FORMAT = "InvalidFormat";
    public static final String LAYER_NOT_QUERYABLE = "LayerNotQueryable";
    public static final String INVALID_POINT = "InvalidPoint";

    private final String code;
    private final String locator;
    private final int httpStatus;

    public OwsException(String code, String locator, int httpStatus, String message) {
        super(message);
        this.code = code;
        this.locator = locator;
        this.httpStatus = httpStatus;
    }

    /** 400 Bad Request: the usual case for a client error. */
    public static OwsException badRequest(String code, String locator, String message) {
        return new OwsException(code, locator, 400, message);
    }

    public String code() {
        return code;
    }

    public String locator() {
        return locator;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
