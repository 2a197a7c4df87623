<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>Systolic blood pressure</source>
      <comment>vitals.label_systolic</comment>
      <translation>ضغط الدم الانقباضي</translation>
    </message>
    <message>
      <source>Diastolic blood pressure</source>
      <comment>vitals.label_diastolic</comment>
      <translation>ضغط الدم الانبساطي</translation>
    </message>
    <message>
      <source>Heart rate</source>
      <comment>vitals.label_heart_rate</comment>
      <translation>معدل ضربات القلب</translation>
    </message>
    <message>
      <source>Temperature</source>
      <comment>vitals.label_temperature</comment>
      <translation>درجة الحرارة</translation>
    </message>
    <message>
      <source>SpO2</source>
      <comment>vitals.label_spo2</comment>
      <translation>تشبّع الأكسجين SpO2</translation>
    </message>
    <message>
      <source>Weight</source>
      <comment>vitals.label_weight</comment>
      <translation>الوزن</translation>
    </message>
    <message>
      <source>Height</source>
      <comment>vitals.label_height</comment>
      <translation>الطول</translation>
    </message>
    <message>
      <source>{label} must be a number.</source>
      <comment>vitals.label_number</comment>
      <translation>يجب أن تكون قيمة {label} رقمًا.</translation>
    </message>
    <message>
      <source>{label} must be a number.</source>
      <comment>vitals.label_number_3</comment>
      <translation>يجب أن تكون قيمة {label} رقمًا.</translation>
    </message>
    <message>
      <source>{label} must be a number.</source>
      <comment>vitals.label_number_2</comment>
      <translation>يجب أن تكون قيمة {label} رقمًا.</translation>
    </message>
    <message>
      <source>{label} must be within {span}.</source>
      <comment>vitals.label_within_span</comment>
      <translation>يجب أن تكون قيمة {label} ضمن {span}.</translation>
    </message>
    <message>
      <source>{label} must be a whole number ({unit}).</source>
      <comment>vitals.whole_number</comment>
      <translation>يجب أن تكون قيمة {label} عددًا صحيحًا ({unit}).</translation>
    </message>
    <message>
      <source>{label} {shown} must be more than {low} and less than {high}.</source>
      <comment>vitals.between_exclusive</comment>
      <translation>يجب أن تكون قيمة {label} {shown} أكبر من {low} وأقل من {high}.</translation>
    </message>
    <message>
      <source>{label} {shown} is outside {span}.</source>
      <comment>vitals.outside</comment>
      <translation>{label} {shown} خارج النطاق {span}.</translation>
    </message>
    <message>
      <source>Enter at least one vital sign.</source>
      <comment>vitals.enter_one</comment>
      <translation>أدخل علامة حيوية واحدة على الأقل.</translation>
    </message>
    <message>
      <source>Enter both blood pressure values (systolic and diastolic), or neither.</source>
      <comment>vitals.enter_both_bp</comment>
      <translation>أدخل قيمتي ضغط الدم (الانقباضي والانبساطي) معًا، أو لا تدخل أيًّا منهما.</translation>
    </message>
    <message>
      <source>Diastolic pressure {diastolic} must be lower than systolic {systolic} mmHg.</source>
      <comment>vitals.diastolic_lower</comment>
      <translation>يجب أن يكون الضغط الانبساطي {diastolic} أقل من الانقباضي {systolic} mmHg.</translation>
    </message>
  </context>
</TS>
