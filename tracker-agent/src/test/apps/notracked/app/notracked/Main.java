package app.notracked;

/** An application without any tracked method. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.out.println("hello=world");
    }
}
