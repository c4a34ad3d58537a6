package io.tokenwarden.alert;

/** Sends one delivery to one kind of channel; a failure says why (an HTTP status, an SMTP error). */
interface Sender {

    String kind();

    Result send(Channel channel, Delivery delivery);

    /** One due delivery: its id, the event and the alert as it stood then (JSON), and which attempt this is. */
    record Delivery(long rowId, String deliveryId, String event, String alertJson, int attempt) {}

    record Result(boolean delivered, Integer status, String error) {
        static Result ok(int status) {
            return new Result(true, status, null);
        }

        static Result failed(Integer status, String error) {
            return new Result(false, status, error);
        }
    }
}
