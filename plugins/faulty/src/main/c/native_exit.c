/*
 * The native half of org.carrierhost.plugins.faulty.hostile.NativeExitInSearchCarrier: _exit(2) ends the process
 * at once, with no Java code run on the way. Built by the faulty module's pom (Linux, cc) into the carrier's jar.
 */
#include <jni.h>
#include <unistd.h>

JNIEXPORT void JNICALL Java_org_carrierhost_plugins_faulty_hostile_NativeExitInSearchCarrier_quit(JNIEnv *env, jclass type,
                                                                                                 jint status) {
    (void) env;
    (void) type;
    _exit(status);
}
