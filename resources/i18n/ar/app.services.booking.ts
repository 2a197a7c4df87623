<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>There is no active doctor {doctor_id} in that department.</source>
      <comment>booking.no_active_doctor_department</comment>
      <translation>لا يوجد طبيب نشط رقم {doctor_id} في ذلك القسم.</translation>
    </message>
    <message>
      <source>This hospital has no emergency department. An administrator marks one as the emergency department.</source>
      <comment>booking.hospital_no_emergency_department</comment>
      <translation>لا يوجد في هذا المستشفى قسم طوارئ. يحدد المسؤول أحد الأقسام كقسم طوارئ.</translation>
    </message>
    <message>
      <source>move the appointment</source>
      <comment>booking.what_move</comment>
      <translation>نقل الموعد</translation>
    </message>
    <message>
      <source>cancel the appointment</source>
      <comment>booking.what_cancel</comment>
      <translation>إلغاء الموعد</translation>
    </message>
    <message>
      <source>Marked Broken in OpenDental.</source>
      <comment>booking.od_marked_broken</comment>
      <translation>تم وضع علامة Broken عليه في OpenDental.</translation>
    </message>
    <message>
      <source>There is no department {department_id} at this hospital.</source>
      <comment>booking.no_department_hospital</comment>
      <translation>لا يوجد قسم رقم {department_id} في هذا المستشفى.</translation>
    </message>
    <message>
      <source>Choose a time slot from the list (a time with its time zone).</source>
      <comment>booking.choose_time_slot_list</comment>
      <translation>اختر موعدًا من القائمة (وقتًا مع منطقته الزمنية).</translation>
    </message>
    <message>
      <source>There is no patient {patient_id} at this hospital.</source>
      <comment>booking.no_patient_hospital</comment>
      <translation>لا يوجد مريض رقم {patient_id} في هذا المستشفى.</translation>
    </message>
    <message>
      <source>{full_name} ({mrn}) is marked inactive.</source>
      <comment>booking.marked_inactive</comment>
      <translation>{full_name} ({mrn}) مسجّل كغير نشط.</translation>
    </message>
    <message>
      <source>There is no doctor {doctor_id} at this hospital.</source>
      <comment>booking.no_doctor_hospital</comment>
      <translation>لا يوجد طبيب رقم {doctor_id} في هذا المستشفى.</translation>
    </message>
    <message>
      <source>{full_name} is not taking appointments (inactive).</source>
      <comment>booking.not_taking_appointments_inactive</comment>
      <translation>{full_name} لا يستقبل مواعيد (غير نشط).</translation>
    </message>
    <message>
      <source>{local} is not one of {full_name}'s slots. Choose a time from the list.</source>
      <comment>booking.not_one_slots_choose</comment>
      <translation>{local} ليس من مواعيد {full_name} المتاحة. اختر وقتًا من القائمة.</translation>
    </message>
    <message>
      <source>The {label} slot is past or starts within {minutes} minutes; choose a later one.</source>
      <comment>booking.slot_past_starts_within</comment>
      <translation>الموعد {label} انقضى أو يبدأ خلال {minutes} دقيقة؛ اختر موعدًا لاحقًا.</translation>
    </message>
    <message>
      <source>{full_name}'s {label} slot on {day} was just booked by another desk. Choose another slot.</source>
      <comment>booking.slot_just_booked_another</comment>
      <translation>حُجز موعد {full_name} في {label} يوم {day} للتو من مكتب آخر. اختر موعدًا آخر.</translation>
    </message>
    <message>
      <source>{full_name} already has an appointment at that time (appointment {id}).</source>
      <comment>booking.already_appointment_time_appointment</comment>
      <translation>لدى {full_name} موعد بالفعل في ذلك الوقت (الموعد {id}).</translation>
    </message>
    <message>
      <source>OpenDental is not set up on this workstation; the booking was not made.</source>
      <comment>booking.opendental_not_set_up</comment>
      <translation>OpenDental غير مُعدّ على محطة العمل هذه؛ لم يتم الحجز.</translation>
    </message>
    <message>
      <source>OpenDental could not {what}: {error} Nothing was changed in ClinicDesk.</source>
      <comment>booking.od_could_not</comment>
      <translation>تعذّر على OpenDental {what}: {error} لم يتغير شيء في ClinicDesk.</translation>
    </message>
    <message>
      <source>book the appointment</source>
      <comment>booking.what_book</comment>
      <translation>حجز الموعد</translation>
    </message>
    <message>
      <source>Also booked in OpenDental (AptNum {apt_num}).</source>
      <comment>booking.od_also_booked</comment>
      <translation>تم الحجز أيضًا في OpenDental (AptNum {apt_num}).</translation>
    </message>
    <message>
      <source>Also moved in OpenDental (AptNum {apt_num}).</source>
      <comment>booking.od_also_moved</comment>
      <translation>تم النقل أيضًا في OpenDental (AptNum {apt_num}).</translation>
    </message>
    <message>
      <source>The {label} slot was just booked by another desk. Choose another slot.</source>
      <comment>booking.slot_just_booked_another_2</comment>
      <translation>حُجز الموعد {label} للتو من مكتب آخر. اختر موعدًا آخر.</translation>
    </message>
    <message>
      <source>There is no appointment {appointment_id} at this hospital.</source>
      <comment>booking.no_appointment_hospital</comment>
      <translation>لا يوجد موعد رقم {appointment_id} في هذا المستشفى.</translation>
    </message>
    <message>
      <source>Appointment {appointment_id} is {status}; only a booking that is not checked in can be moved or cancelled.</source>
      <comment>booking.appointment_booking_not_checked</comment>
      <translation>حالة الموعد {appointment_id} هي {status}؛ لا يمكن نقل أو إلغاء إلا الحجز الذي لم يُسجَّل وصوله بعد.</translation>
    </message>
    <message>
      <source>This hospital no longer exists.</source>
      <comment>booking.hospital_no_longer_exists</comment>
      <translation>هذا المستشفى لم يعد موجودًا.</translation>
    </message>
  </context>
</TS>
