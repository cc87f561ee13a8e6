package fr.carence.api.territoire;

/** No loaded commune for that territory (404). */
public class TerritoireNotFoundException extends RuntimeException {

    public TerritoireNotFoundException(String message) {
        super(message);
    }
}
