<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>Awaiting vitals</source>
      <translation>بانتظار العلامات الحيوية</translation>
    </message>
    <message>
      <source>Ready for doctor</source>
      <translation>جاهز للطبيب</translation>
    </message>
    <message>
      <source>In consultation (no vitals)</source>
      <translation>في الاستشارة (دون علامات حيوية)</translation>
    </message>
    <message>
      <source>In consultation</source>
      <translation>في الاستشارة</translation>
    </message>
    <message>
      <source>There is no appointment {appointment_id} at this hospital.</source>
      <comment>queue.no_appointment_hospital</comment>
      <translation>لا يوجد موعد رقم {appointment_id} في هذا المستشفى.</translation>
    </message>
    <message>
      <source>checked in</source>
      <comment>queue.what_checked_in</comment>
      <translation>مسجَّل الوصول</translation>
    </message>
    <message>
      <source>There is no patient {patient_id} at this hospital.</source>
      <comment>queue.no_patient_hospital</comment>
      <translation>لا يوجد مريض رقم {patient_id} في هذا المستشفى.</translation>
    </message>
    <message>
      <source>{full_name} ({mrn}) is marked inactive.</source>
      <comment>queue.marked_inactive</comment>
      <translation>{full_name} ({mrn}) مسجّل كغير نشط.</translation>
    </message>
    <message>
      <source>There is no doctor {doctor_id} at this hospital.</source>
      <comment>queue.no_doctor_hospital</comment>
      <translation>لا يوجد طبيب رقم {doctor_id} في هذا المستشفى.</translation>
    </message>
    <message>
      <source>{full_name} is not taking appointments (inactive).</source>
      <comment>queue.not_taking_appointments_inactive</comment>
      <translation>{full_name} لا يستقبل مواعيد (غير نشط).</translation>
    </message>
    <message>
      <source>{full_name} already has an open appointment today with {full_name2} (appointment {id}); use that one.</source>
      <comment>queue.already_open_appointment_today</comment>
      <translation>لدى {full_name} موعد مفتوح اليوم بالفعل مع {full_name2} (الموعد {id})؛ استخدم ذلك الموعد.</translation>
    </message>
    <message>
      <source>This hospital no longer exists.</source>
      <comment>queue.hospital_no_longer_exists</comment>
      <translation>هذا المستشفى لم يعد موجودًا.</translation>
    </message>
    <message>
      <source>This appointment is on {when}; only today's appointments can be {what}.</source>
      <comment>queue.appointment_today_appointments</comment>
      <translation>هذا الموعد في {when}؛ لا يمكن أن تكون بحالة «{what}» إلا مواعيد اليوم.</translation>
    </message>
  </context>
</TS>
