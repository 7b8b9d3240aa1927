package dev.relive.runtime.internal.state;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.deser.Deserializers;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.Serializers;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;

/**
 * Carries {@code java.time} values as their ISO text: {@code toString()} out, the type's static
 * {@code parse(CharSequence)} (or {@code of(String)}, for zones) in. Used instead of jackson-datatype-jsr310,
 * which the runtime does not install; Jackson refuses java.time types without a module.
 */
final class JavaTimeAsText extends SimpleModule {

    private static final long serialVersionUID = 1L;

    JavaTimeAsText() {
        super("relive-java-time-as-text");
    }

    @Override
    public void setupModule(SetupContext context) {
        context.addSerializers(new Serializers.Base() {
            @Override
            public JsonSerializer<?> findSerializer(SerializationConfig config, JavaType type,
                    BeanDescription beanDesc) {
                return isTimeValue(type.getRawClass()) ? ToStringSerializer.instance : null;
            }
        });
        context.addDeserializers(new Deserializers.Base() {
            @Override
            public JsonDeserializer<?> findBeanDeserializer(JavaType type, DeserializationConfig config,
                    BeanDescription beanDesc) {
                Class<?> raw = type.getRawClass();
                Method factory = isTimeValue(raw) ? factory(raw) : null;
                return factory == null ? null : new FromText(raw, factory);
            }
        });
    }

    private static boolean isTimeValue(Class<?> type) {
        return type.getPackageName().equals("java.time") && !type.isEnum();
    }

    private static Method factory(Class<?> type) {
        for (Method m : type.getMethods()) {
            if (Modifier.isStatic(m.getModifiers()) && m.getParameterCount() == 1
                    && type.isAssignableFrom(m.getReturnType())
                    && (m.getName().equals("parse") && m.getParameterTypes()[0] == CharSequence.class
                            || m.getName().equals("of") && m.getParameterTypes()[0] == String.class)) {
                return m;
            }
        }
        return null;
    }

    private static final class FromText extends StdScalarDeserializer<Object> {

        private static final long serialVersionUID = 1L;

        private final transient Method factory;

        FromText(Class<?> type, Method factory) {
            super(type);
            this.factory = factory;
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = p.getValueAsString();
            if (text == null) {
                return ctxt.handleUnexpectedToken(handledType(), p);
            }
            try {
                return factory.invoke(null, text);
            } catch (InvocationTargetException | IllegalAccessException e) {
                return ctxt.handleWeirdStringValue(handledType(), text, "not a %s: %s",
                        handledType().getSimpleName(), e.getCause() == null ? e : e.getCause().getMessage());
            }
        }
    }
}
