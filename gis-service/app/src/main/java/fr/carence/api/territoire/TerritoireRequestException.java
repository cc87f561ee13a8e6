package fr.carence.api.territoire;

/** A territory request the API refuses (400), with the parameter in cause. */
public class TerritoireRequestException extends RuntimeException {

    private final String parametre;

    public TerritoireRequestException(String message, String parametre) {
        super(message);
        this.parametre = parametre;
    }

    public String parametre() {
        return parametre;
    }
}
